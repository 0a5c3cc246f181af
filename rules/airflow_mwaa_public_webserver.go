package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// AirflowMWAAPublicWebserver reports MWAA environments whose webserver is reachable from the internet.
var AirflowMWAAPublicWebserver = &Rule{
	Meta: Meta{
		ID:         "airflow-mwaa-public-webserver",
		Title:      "mwaa webserver reachable from the internet",
		Category:   Access,
		Severity:   Medium,
		Confidence: ConfidenceHigh,
		Frameworks: []string{"airflow"},
		CWE:        []string{"CWE-668"},
		References: []string{
			"https://docs.aws.amazon.com/mwaa/latest/userguide/configuring-networking.html",
			"https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mwaa_environment",
		},
		Why: "`webserver_access_mode = \"PUBLIC_ONLY\"` (CloudFormation `WebserverAccessMode`) puts the Airflow " +
			"UI and REST API of an MWAA environment on the internet. Logins still go through IAM, but every " +
			"weakness of the UI, and every leaked IAM credential with `airflow:CreateWebLoginToken`, becomes " +
			"reachable from anywhere. `PRIVATE_ONLY` (the default) keeps it inside the VPC.",
		Remediation: "Use `PRIVATE_ONLY` and reach the UI through a VPN, a bastion or a VPC endpoint.",
	},
	JSON: airflowMWAAPublicWebserverJSON,
	HCL:  airflowMWAAPublicWebserverHCL,
}

// airflowMWAAPublicWebserverHCL checks aws_mwaa_environment resources, and module calls that pass
// the setting on to an MWAA module (the community modules keep the attribute's name).
func airflowMWAAPublicWebserverHCL(pass *Pass, f *hcl.File) error {
	for _, b := range f.Blocks() {
		if !(b.Type == "resource" && len(b.Labels) == 2 && b.Labels[0] == "aws_mwaa_environment" || b.Type == "module") {
			continue
		}
		a := b.Attribute("webserver_access_mode")
		if a == nil {
			continue
		}
		if v := a.Value(); v.Kind == value.Literal && strings.EqualFold(strings.TrimSpace(v.Text), "PUBLIC_ONLY") {
			pass.Reportf(a.Span, "MWAA webserver is reachable from the internet (`PUBLIC_ONLY`)")
		}
	}
	return nil
}

func airflowMWAAPublicWebserverJSON(pass *Pass, f *jsonx.File) error {
	var walk func(n *jsonx.Node, depth int)
	walk = func(n *jsonx.Node, depth int) {
		if n == nil || depth > jsonx.MaxDepth {
			return
		}
		for _, m := range n.Members {
			if (m.Key == "WebserverAccessMode" || m.Key == "webserver_access_mode") && m.Value.IsString() &&
				strings.EqualFold(m.Value.Text, "PUBLIC_ONLY") {
				pass.Reportf(m.KeySpan.To(m.Value.Span), "MWAA webserver is reachable from the internet (`PUBLIC_ONLY`)")
			}
			walk(m.Value, depth+1)
		}
		for _, it := range n.Items {
			walk(it, depth+1)
		}
	}
	walk(f.Root(), 0)
	return nil
}
