package rules

// accessRules are the rules of the access category, in any order (All sorts them).
var accessRules = []*Rule{
	KubernetesRBACWildcard,
	AirflowAuthRolePublicEnabled,
	AirflowAPIAuthBackendAllowAll,
	AirflowExperimentalAPIEnabled,
	AirflowSimpleAuthManagerInsecure,
	AirflowExposeConfigEnabled,
	AirflowWebserverAuthenticationDisabled,
	AirflowSelfRegistrationPrivilegedRole,
	AirflowCSRFDisabled,
	AirflowDAGAccessControlBroad,
	AirflowKPOPrivilegedPod,
	PrefectDockerWorkPoolPrivileged,
	PrefectK8sJobTemplatePrivileged,
	DagsterK8sPrivilegedRunConfig,
	IAMPolicyWildcard,
	AirflowMWAAExecutionRoleWildcard,
	AirflowMWAAPublicWebserver,
	DagsterWebserverExposedWithoutAuth,
	AirflowFlowerUnauthenticated,
	AirflowCORSAllowAllOrigins,
	PrefectServerCORSAllowAll,
	PrefectTfOverprivilegedServiceAccount,
	PrefectServerExposedWithoutAuth,
	PrefectServerCSRFDisabled,
}
