package prefect

import "strings"

// UIAPIURL is the API URL the server's UI calls from the browser.
const UIAPIURL Setting = "PREFECT_UI_API_URL"

// helmValues maps values of the prefect-worker and prefect-server charts to the settings their
// templates set from them (charts/*/templates/deployment.yaml). The value is used only when the
// gate, a boolean beside it, is true or absent: the worker chart ships authString "admin:pass"
// with basicAuth disabled.
var helmValues = []struct {
	path    string
	setting Setting
	gate    string
}{
	{"worker.selfHostedServerApiConfig.apiUrl", APIURL, ""},
	{"worker.customerManagedCloudApiConfig.apiUrl", APIURL, ""},
	{"worker.selfHostedServerApiConfig.basicAuth.authString", APIAuthString, "worker.selfHostedServerApiConfig.basicAuth.enabled"},
	{"server.uiConfig.prefectUiApiUrl", UIAPIURL, ""},
	{"server.basicAuth.authString", ServerAPIAuthString, "server.basicAuth.enabled"},
}

// SettingFromHelmValue returns the setting a Prefect chart value becomes, and the dotted path of
// the boolean that must be on for it to apply ("" when none). Call it only for Prefect chart
// values.
func SettingFromHelmValue(path []string) (s Setting, gate string, ok bool) {
	dotted := strings.Join(path, ".")
	for _, h := range helmValues {
		if h.path == dotted {
			return h.setting, h.gate, true
		}
	}
	return "", "", false
}
