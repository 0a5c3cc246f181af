// Package python is dagwarden's Python front-end: it parses a file once with tree-sitter
// (go-tree-sitter v0.25.0 + tree-sitter-python v0.25.0, both pinned) and builds a Module, a
// plain-Go model that rules query. Only this package imports tree-sitter.
//
// # Parsing
//
// One Parser per worker goroutine (NewParser, Close). Parser.Parse copies the whole syntax tree
// out of C in one call and deletes the C tree before returning, so a Module holds no tree-sitter
// objects, leaks nothing and can be shared between goroutines. Files with syntax errors still give
// a (partial) Module; SyntaxErrors lists the ERROR and MISSING places. The error is reserved for
// "no tree at all". Module implements source.Document (File, Comments with OwnLine, SyntaxErrors).
//
// Parse first tries goParse (lex.go, gparse.go, gexpr.go), a hand-written Go parser that emits
// exactly the flat node table tree-sitter would, many times faster. It bails out on anything it
// is not sure of (syntax errors, Python 2, ambiguous corners of the grammar) and Parse then uses
// tree-sitter as before. match statements are parsed speculatively (gmatch.go): "match" is a soft
// keyword, and a line that does not parse as a match statement is rewound and parsed as ordinary
// code; "type" likewise starts a speculative type_alias_statement (tree-sitter prefers it, so
// type(x).y = z is an alias), and with statements whose '(' group is not followed by ':' are
// rewound and read as expressions. Annotations follow tree-sitter's type rules (gparse.go
// typeNode): Name[...] starts a generic_type that continues as union_type / member_type, any
// other start is a plain expression. TestGoParseMatchesTreeSitter (with
// DAGWARDEN_BENCH_CORPUS for the real corpus) and FuzzGoParse compare the two node by node.
//
// # Names
//
// Every call, assignment target and expression has a qualified name with import aliases resolved
// and re-exports canonicalised (the table is in names.go): airflow.sdk.Connection and
// airflow.models.connection.Connection are airflow.models.Connection; airflow.sdk.BaseHook and
// airflow.hooks.base_hook.BaseHook are airflow.hooks.base.BaseHook; airflow.sdk.Variable is
// airflow.models.Variable; airflow.sdk.dag/task are airflow.decorators.dag/task. A variable
// assigned from a call has the call's type: after s = requests.Session(), s.get(...) is
// requests.Session.get and s.verify = False writes requests.Session.verify. Loggers get
// dagwarden's own type names: logging.Logger (logging.getLogger), airflow.Logger (self.log in
// Airflow modules, LoggingMixin().log), prefect.Logger (get_run_logger()), dagster.Logger
// (context.log, get_dagster_logger()). Same-module functions are named by their QualName
// ("load", "MyOperator.execute", "outer.inner"); builtins by their own name ("print").
//
//	m.Frameworks().Has(python.Airflow)   // airflow / prefect / dagster / kubeflow, from imports
//	m.Imports("requests")                 // fast path: anything under requests imported?
//	m.Calls()                             // every call in source order, decorators included
//	c.Name, c.Keyword("verify"), c.Arg(0) // qualified callee, arguments
//	m.Assignments()                       // a.Target "s.verify", a.Name "requests.Session.verify"
//	m.Constant("API_URL")                 // module-level name assigned exactly once
//	m.Functions()                         // f.Decorators (each a *Call), f.Params, f.Returns()
//
// # Values
//
// Expr.Value classifies an expression into a value.Value:
//   - Literal: strings (decoded, Span between the quotes; implicit and + concatenation joined, an
//     f-string without interpolations), numbers, True/False/None (Text as written).
//   - Template: a string that is only {{ ... }} / {% ... %} templates.
//   - EnvRef: os.environ[...], os.getenv(...), os.environ.get(...); Ref is the variable name and
//     Default the literal fallback.
//   - SecretRef: Secret.load(...) and .get() on it (any Prefect block .load), Variable.get
//     (Airflow and Prefect), BaseHook.get_connection and attributes of it, dagster.EnvVar (kept
//     apart from EnvRef on purpose: Dagster resolves it at run time and hides it in the UI),
//     hvac reads, get_secret_value (AWS), SecretClient.get_secret (Azure),
//     access_secret_version (GCP). Ref is the secret's name when it is a literal.
//     SecretStr(x) takes the classification of x when x is a literal, env or secret reference
//     (SecretStr("hunter2") is still a hardcoded secret), else SecretRef.
//   - Expr: anything computed; for an f-string with interpolations, Text is the source between
//     the quotes and Parts gives the literal pieces and interpolated expressions.
//
// A plain name is followed (Resolve) to its single assignment in the enclosing function, or else
// to a module-level constant. IsTrue/IsFalse/IsNone, String, Parts, Dict/Get, Items and Name
// follow names too.
//
// # Secret flow
//
// Module.Tainted(e) says whether e carries a secret and returns its Origin (Kind secret-store,
// env or name; Desc the source expression as written, never a secret value; Span for a SARIF
// related location). Sources: secret-store reads (the SecretRef calls above that yield the value,
// not reference objects such as Secret.load("x") or get_connection(...) themselves), connection
// attributes password/extra/extra_dejson and get_uri()/get_password(), pydantic
// get_secret_value(), credential-named env reads, and names (variables, parameters, attributes,
// string subscript keys) that say they hold a credential (isCredentialName: password, api_key,
// access_token, AWS_SECRET_ACCESS_KEY; not token_count, password_policy_url, num_keys, key_id,
// secret_name, password_hash). Propagation: assignments (flow-insensitive per function),
// f-strings, + and %, .format/.join, str/repr/json.dumps/base64, containers, methods on a tainted
// receiver, attribute and subscript access, and return values of same-module functions.
// Sanitisers: len, bool, hash, int, comparisons (x is None), hashlib/hmac/bcrypt, mask_secret,
// urlparse(x).hostname/.port/.scheme/.path, connection host/login/port/schema. A name whose every
// assignment is sanitised is clean even if it is credential-named.
//
// Module.SecretFlows lists the tainted arguments of log calls (Call.LogSink: logging, Airflow,
// Prefect, Dagster loggers, print), of raised exceptions, Dagster metadata, and return values,
// each with its Origin. Function.LogPrints / Call.CapturedPrint say whether Prefect captures a
// print (log_prints=True on the flow or task, inherited by functions it calls unless they set
// log_prints=False).
//
// Not modelled: arguments flowing into a same-module function's parameters (only its return
// values are), aliasing through containers after mutation, class attributes other than self.x,
// star imports' names, and types of values returned by functions of other modules beyond the
// table in names.go.
package python
