package rules

// accessRules are the rules of the access category, in any order (All sorts them).
var accessRules = []*Rule{
	AirflowAuthRolePublicEnabled,
}
