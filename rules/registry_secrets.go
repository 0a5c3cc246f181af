package rules

// secretsRules are the rules of the secrets category, in any order (All sorts them). The
// structural ones also appear, in priority order, in secretDetectors (helpers_secrets.go).
var secretsRules = []*Rule{
	AirflowConnectionEnvURICredentials,
	AirflowDAGConnectionLiteralPassword,
	AirflowFernetKeyHardcoded,
	AirflowHelmInlineSecretValues,
	AirflowMetadataDBURLPassword,
	AirflowOperatorLiteralCredential,
	AirflowSensitiveConfigOptionLiteral,
	AirflowSigningKeyHardcoded,
	CredentialInURLUserinfo,
	DagsterInstanceYamlLiteralSecret,
	DagsterPlusTokenHardcoded,
	DagsterResourceLiteralSecret,
	DagsterRunConfigLiteralSecret,
	DefaultCredentials,
	DotenvLiteralSecret,
	KnownTokenFormat,
	PrefectAPIKeyHardcoded,
	PrefectAuthStringHardcoded,
	PrefectCredentialsBlockLiteral,
	PrefectDatabaseCredentialsLiteral,
	PrefectJobVariablesEnvSecret,
	PrefectSecretBlockLiteral,
	PrefectYamlStepCredentialLiteral,
}
