package python

// Kind and field ids for goParse, looked up by name in the same language tables tree-sitter uses.

var (
	opSym     [opCount]uint16
	symsReady = buildSyms()
)

func buildSyms() bool {
	for o := op(1); o < opCount; o++ {
		opSym[o] = language.IdForNodeKind(opText[o], false) // 0 when the grammar has no such token ("..." is ellipsis)
	}
	initKinds()
	return true
}

// named and anon return the id tree-sitter reports for a kind (ts_language_symbol_for_name maps
// to the public symbol, as ts_node_symbol does).
func named(name string) uint16 {
	id := language.IdForNodeKind(name, true)
	if id == 0 {
		panic("python: no named kind " + name)
	}
	return id
}

func anon(name string) uint16 {
	id := language.IdForNodeKind(name, false)
	if id == 0 {
		panic("python: no anonymous kind " + name)
	}
	return id
}

func field(name string) uint16 {
	id := language.FieldIdForName(name)
	if id == 0 {
		panic("python: no field " + name)
	}
	return id
}

var (
	symComment, symLineContinuation uint16

	kModule, kIdentifier, kInteger, kFloat, kTrue, kFalse, kNone, kEllipsis, kString,
	kStringStart, kStringContent, kStringEnd, kEscapeSequence, kEscapeInterpolation,
	kInterpolation, kFormatSpecifier, kFormatExpression, kTypeConversion, kConcatenatedString,
	kExpressionStatement, kAssignment, kAugmentedAssignment, kCall, kArgumentList,
	kKeywordArgument, kAttribute, kSubscript, kSlice, kBinaryOperator, kUnaryOperator,
	kComparisonOperator, kBooleanOperator, kNotOperator, kConditional, kLambda,
	kLambdaParameters, kNamedExpression, kAwait, kYield, kList, kTuple, kSet, kDictionary, kPair,
	kListComprehension, kDictComprehension, kSetComprehension, kGeneratorExpression,
	kForInClause, kIfClause, kParenthesized, kListSplat, kDictionarySplat, kExpressionList,
	kPatternList, kTuplePattern, kListPattern, kListSplatPattern, kDictSplatPattern,
	kFunctionDefinition, kParameters, kDefaultParameter, kTypedParameter,
	kTypedDefaultParameter, kKeywordSeparator, kPositionalSeparator, kType, kGenericType,
	kTypeParameter, kClassDefinition, kDecoratedDefinition, kDecorator, kBlock, kIfStatement,
	kElifClause, kElseClause, kForStatement, kWhileStatement, kTryStatement, kExceptClause,
	kFinallyClause, kWithStatement, kWithClause, kWithItem, kAsPattern, kAsPatternTarget,
	kReturnStatement, kPassStatement, kBreakStatement, kContinueStatement, kRaiseStatement,
	kDeleteStatement, kAssertStatement, kGlobalStatement, kNonlocalStatement,
	kImportStatement, kImportFromStatement, kFutureImportStatement, kRelativeImport,
	kImportPrefix, kDottedName, kAliasedImport, kWildcardImport, kUnionType, kMatchStatement, kCaseClause, kCasePattern, kKeywordPattern,
	kUnionPattern, kClassPattern, kComplexPattern, kSplatPattern, kDictPattern,
	kTypeAliasStatement, kMemberType, kSplatType uint16

	aNotIn, aIsNot, aFuture, aBackslash, aMatch, aCase, aUnderscore, aType uint16

	fLeft, fRight, fOperator, fOperators, fType, fFunction, fArguments, fName, fValue, fObject,
	fAttribute, fSubscript, fBody, fParameters, fReturnType, fDefinition, fSuperclasses,
	fCondition, fConsequence, fAlternative, fModuleName, fAlias, fKey, fArgument, fExpression,
	fTypeConversion, fFormatSpecifier, fCause, fSubject, fGuard uint16
)

func initKinds() {
	symComment, symLineContinuation = named("comment"), named("line_continuation")
	k := []struct {
		p    *uint16
		name string
	}{
		{&kModule, "module"}, {&kIdentifier, "identifier"}, {&kInteger, "integer"},
		{&kFloat, "float"}, {&kTrue, "true"}, {&kFalse, "false"}, {&kNone, "none"},
		{&kEllipsis, "ellipsis"}, {&kString, "string"}, {&kStringStart, "string_start"},
		{&kStringContent, "string_content"}, {&kStringEnd, "string_end"},
		{&kEscapeSequence, "escape_sequence"}, {&kEscapeInterpolation, "escape_interpolation"},
		{&kInterpolation, "interpolation"}, {&kFormatSpecifier, "format_specifier"},
		{&kFormatExpression, "format_expression"}, {&kTypeConversion, "type_conversion"},
		{&kConcatenatedString, "concatenated_string"},
		{&kExpressionStatement, "expression_statement"}, {&kAssignment, "assignment"},
		{&kAugmentedAssignment, "augmented_assignment"}, {&kCall, "call"},
		{&kArgumentList, "argument_list"}, {&kKeywordArgument, "keyword_argument"},
		{&kAttribute, "attribute"}, {&kSubscript, "subscript"}, {&kSlice, "slice"},
		{&kBinaryOperator, "binary_operator"}, {&kUnaryOperator, "unary_operator"},
		{&kComparisonOperator, "comparison_operator"}, {&kBooleanOperator, "boolean_operator"},
		{&kNotOperator, "not_operator"}, {&kConditional, "conditional_expression"},
		{&kLambda, "lambda"}, {&kLambdaParameters, "lambda_parameters"},
		{&kNamedExpression, "named_expression"}, {&kAwait, "await"}, {&kYield, "yield"},
		{&kList, "list"}, {&kTuple, "tuple"}, {&kSet, "set"}, {&kDictionary, "dictionary"},
		{&kPair, "pair"}, {&kListComprehension, "list_comprehension"},
		{&kDictComprehension, "dictionary_comprehension"},
		{&kSetComprehension, "set_comprehension"},
		{&kGeneratorExpression, "generator_expression"}, {&kForInClause, "for_in_clause"},
		{&kIfClause, "if_clause"}, {&kParenthesized, "parenthesized_expression"},
		{&kListSplat, "list_splat"}, {&kDictionarySplat, "dictionary_splat"},
		{&kExpressionList, "expression_list"}, {&kPatternList, "pattern_list"},
		{&kTuplePattern, "tuple_pattern"}, {&kListPattern, "list_pattern"},
		{&kListSplatPattern, "list_splat_pattern"},
		{&kDictSplatPattern, "dictionary_splat_pattern"},
		{&kFunctionDefinition, "function_definition"}, {&kParameters, "parameters"},
		{&kDefaultParameter, "default_parameter"}, {&kTypedParameter, "typed_parameter"},
		{&kTypedDefaultParameter, "typed_default_parameter"},
		{&kKeywordSeparator, "keyword_separator"},
		{&kPositionalSeparator, "positional_separator"}, {&kType, "type"},
		{&kGenericType, "generic_type"}, {&kTypeParameter, "type_parameter"},
		{&kClassDefinition, "class_definition"},
		{&kDecoratedDefinition, "decorated_definition"}, {&kDecorator, "decorator"},
		{&kBlock, "block"}, {&kIfStatement, "if_statement"}, {&kElifClause, "elif_clause"},
		{&kElseClause, "else_clause"}, {&kForStatement, "for_statement"},
		{&kWhileStatement, "while_statement"}, {&kTryStatement, "try_statement"},
		{&kExceptClause, "except_clause"}, {&kFinallyClause, "finally_clause"},
		{&kWithStatement, "with_statement"}, {&kWithClause, "with_clause"},
		{&kWithItem, "with_item"}, {&kAsPattern, "as_pattern"},
		{&kAsPatternTarget, "as_pattern_target"}, {&kReturnStatement, "return_statement"},
		{&kPassStatement, "pass_statement"}, {&kBreakStatement, "break_statement"},
		{&kContinueStatement, "continue_statement"}, {&kRaiseStatement, "raise_statement"},
		{&kDeleteStatement, "delete_statement"}, {&kAssertStatement, "assert_statement"},
		{&kGlobalStatement, "global_statement"}, {&kNonlocalStatement, "nonlocal_statement"},
		{&kImportStatement, "import_statement"},
		{&kImportFromStatement, "import_from_statement"},
		{&kFutureImportStatement, "future_import_statement"},
		{&kRelativeImport, "relative_import"}, {&kImportPrefix, "import_prefix"},
		{&kDottedName, "dotted_name"}, {&kAliasedImport, "aliased_import"},
		{&kWildcardImport, "wildcard_import"}, {&kUnionType, "union_type"}, {&kTypeAliasStatement, "type_alias_statement"},
		{&kMemberType, "member_type"}, {&kSplatType, "splat_type"},
		{&kMatchStatement, "match_statement"}, {&kCaseClause, "case_clause"},
		{&kCasePattern, "case_pattern"}, {&kKeywordPattern, "keyword_pattern"},
		{&kUnionPattern, "union_pattern"}, {&kClassPattern, "class_pattern"},
		{&kComplexPattern, "complex_pattern"}, {&kSplatPattern, "splat_pattern"},
		{&kDictPattern, "dict_pattern"},
	}
	for _, e := range k {
		*e.p = named(e.name)
	}
	aNotIn, aIsNot, aFuture, aBackslash = anon("not in"), anon("is not"), anon("__future__"), anon("\\")
	aMatch, aCase, aUnderscore, aType = anon("match"), anon("case"), anon("_"), anon("type")
	f := []struct {
		p    *uint16
		name string
	}{
		{&fLeft, "left"}, {&fRight, "right"}, {&fOperator, "operator"},
		{&fOperators, "operators"}, {&fType, "type"}, {&fFunction, "function"},
		{&fArguments, "arguments"}, {&fName, "name"}, {&fValue, "value"}, {&fObject, "object"},
		{&fAttribute, "attribute"}, {&fSubscript, "subscript"}, {&fBody, "body"},
		{&fParameters, "parameters"}, {&fReturnType, "return_type"},
		{&fDefinition, "definition"}, {&fSuperclasses, "superclasses"},
		{&fCondition, "condition"}, {&fConsequence, "consequence"},
		{&fAlternative, "alternative"}, {&fModuleName, "module_name"}, {&fAlias, "alias"},
		{&fKey, "key"}, {&fArgument, "argument"}, {&fExpression, "expression"},
		{&fTypeConversion, "type_conversion"}, {&fFormatSpecifier, "format_specifier"},
		{&fCause, "cause"}, {&fSubject, "subject"}, {&fGuard, "guard"},
	}
	for _, e := range f {
		*e.p = field(e.name)
	}
}
