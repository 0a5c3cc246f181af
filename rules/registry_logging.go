package rules

// loggingRules are the rules of the logging category, in any order (All sorts them).
var loggingRules = []*Rule{
	AirflowSecretMaskingDisabled,
	AirflowSecretLoggedInTask,
	AirflowSecretInLoggedCommand,
	AirflowSecretReturnedToXcom,
	AirflowDAGParamSecret,
	AirflowKPOPodSpecLoggedWithSecrets,
	DagsterResourceConfigOsGetenv,
	DagsterSecretInMetadataOrTags,
	DagsterSecretLogged,
	LogEnvironmentOrConfigDump,
	PrefectFlowParametersSecret,
	PrefectLogPrintsSecret,
	PrefectRunLoggerSecret,
	PrefectWorkerAPIKeyPlainEnv,
}
