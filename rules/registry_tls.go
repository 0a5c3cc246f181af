package rules

// tlsRules are the rules of the tls category, in any order (All sorts them).
var tlsRules = []*Rule{
	TLSVerificationDisabled,
	SSLUnverifiedContext,
	SSHAutoAddHostKey,
	AirflowConnectionTLSWeakened,
	AirflowSSHHostKeyVerificationDisabled,
	AirflowEmailSSLContextNone,
	AirflowKubernetesClientVerifySSLDisabled,
	AirflowSMTPPlaintext,
	AirflowUIAPIWithoutTLS,
	AirflowMetadataDBTLSDisabled,
	PrefectAPITLSVerifyDisabled,
	PrefectAPIURLPlaintext,
	BrokerURLPlaintext,
	DatabaseClientTLSDisabled,
	ObjectStoreClientTLSDisabled,
	SMTPFTPWithoutTLS,
	HTTPRequestPlaintext,
	AirflowLDAPTLSDisabled,
	AirflowHelmGitsyncNoKnownHosts,
	DagsterGraphQLClientPlaintext,
	LoadBalancerListenerHTTP,
}
