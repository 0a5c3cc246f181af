package rules

// tlsRules are the rules of the tls category, in any order (All sorts them).
var tlsRules = []*Rule{
	TLSVerificationDisabled,
}
