package python

import "testing"

// TestFieldsNextToASecretAreNotSecret: reading a non-credential field of a credential object
// (expiry, base URL, e-mail) is not a secret; credential fields and secret-store value fields are.
func TestFieldsNextToASecretAreNotSecret(t *testing.T) {
	m := parseString(t, "f.py", `import json, os, logging
log = logging.getLogger(__name__)

def run(token_data, creds):
    log.info(token_data.get("expires_in"))
    log.info(creds["rest_base_url"])
    info = json.loads(os.environ["SERVICE_ACCOUNT_CREDENTIALS"])
    log.info(info.get("client_email"))
    log.info(creds["client_secret"])
    log.info(token_data.get("access_token"))
    log.info(info["value"])
    log.info(creds)
`)
	var lines []int
	for _, f := range m.SecretFlows() {
		lines = append(lines, f.Arg.Span.Start.Line)
	}
	want := []int{9, 10, 11, 12}
	if len(lines) != len(want) {
		t.Fatalf("flows on lines %v, want %v", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("flows on lines %v, want %v", lines, want)
		}
	}
}
