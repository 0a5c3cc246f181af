package rules

// secretsRules are the rules of the secrets category, in any order (All sorts them).
var secretsRules = []*Rule{
	AirflowDAGConnectionLiteralPassword,
}
