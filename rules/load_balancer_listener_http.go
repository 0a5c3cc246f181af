package rules

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// LoadBalancerListenerHTTP reports Terraform AWS load-balancer listeners that serve plain HTTP
// instead of redirecting it to HTTPS: the usual way an Airflow, Prefect or Dagster UI deployed next
// to its pipelines is put on the network.
var LoadBalancerListenerHTTP = &Rule{
	Meta: Meta{
		ID:         "load-balancer-listener-http",
		Title:      "load balancer listener serves plain http",
		Category:   TLS,
		Severity:   Medium,
		Confidence: ConfidenceMedium,
		CWE:        []string{"CWE-319"},
		References: []string{
			"https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener",
			"https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions",
			"https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elb",
		},
		Why: "A listener with `protocol = \"HTTP\"` that forwards requests (rather than redirecting them to " +
			"HTTPS) puts whatever sits behind it on the network without TLS. In pipeline repositories that " +
			"is the Airflow webserver, the Prefect server or the Dagster webserver: logins, session cookies, " +
			"API tokens and the connection and log data the UI shows travel in clear. A classic ELB " +
			"`listener` with `lb_protocol = \"http\"` is the same.\n\n" +
			"A listener whose default action is a `redirect` to `HTTPS` is the safe form and is not " +
			"reported. A listener on a load balancer declared `internal = true` in the same file is low: " +
			"the traffic stays inside the VPC. Confidence is medium because the file does not say what the " +
			"target group serves.",
		Remediation: "Serve HTTPS (`protocol = \"HTTPS\"` with a `certificate_arn` and a current `ssl_policy`) " +
			"and turn the HTTP listener into a redirect: `default_action { type = \"redirect\" redirect { " +
			"port = \"443\" protocol = \"HTTPS\" status_code = \"HTTP_301\" } }`.",
	},
	HCL: loadBalancerListenerHTTPHCL,
}

func loadBalancerListenerHTTPHCL(pass *Pass, f *hcl.File) error {
	blocks := f.Blocks()
	internal := internalLoadBalancers(blocks)
	for _, b := range blocks {
		if b.Type != "resource" || len(b.Labels) != 2 {
			continue
		}
		switch b.Labels[0] {
		case "aws_lb_listener", "aws_alb_listener":
			proto := b.Attribute("protocol")
			if proto == nil || !literalIs(proto.Value(), "HTTP") || redirectsToHTTPS(b) {
				continue
			}
			fd := Finding{Span: proto.Span,
				Message: "load balancer listener serves plain HTTP and forwards it instead of redirecting to HTTPS"}
			if redirects(b) {
				fd.Message = "load balancer listener serves plain HTTP and its redirect does not switch to HTTPS"
			}
			if lb := b.Attribute("load_balancer_arn"); lb != nil && internal[refRoot(lb.Value())] {
				fd.Severity = Low
				fd.Message = "internal load balancer listener serves plain HTTP inside the VPC"
			}
			pass.Report(fd)
		case "aws_elb":
			for _, l := range b.Blocks("listener") {
				if p := l.Attribute("lb_protocol"); p != nil && literalIs(p.Value(), "HTTP") {
					fd := Finding{Span: p.Span, Message: "classic load balancer listener serves plain HTTP"}
					if a := b.Attribute("internal"); a != nil && literalIs(a.Value(), "true") {
						fd.Severity = Low
						fd.Message = "internal classic load balancer listener serves plain HTTP inside the VPC"
					}
					pass.Report(fd)
				}
			}
		}
	}
	return nil
}

// internalLoadBalancers are the aws_lb / aws_alb resources of the file declared internal = true,
// by their address (aws_lb.name).
func internalLoadBalancers(blocks []*hcl.Block) map[string]bool {
	out := map[string]bool{}
	for _, b := range blocks {
		if b.Type == "resource" && len(b.Labels) == 2 && (b.Labels[0] == "aws_lb" || b.Labels[0] == "aws_alb") {
			if a := b.Attribute("internal"); a != nil && literalIs(a.Value(), "true") {
				out[b.Labels[0]+"."+b.Labels[1]] = true
			}
		}
	}
	return out
}

// redirectsToHTTPS reports whether a listener's default action redirects to HTTPS. A redirect
// that keeps the protocol (#{protocol}) or names HTTP is not a fix.
func redirectsToHTTPS(listener *hcl.Block) bool {
	for _, act := range listener.Blocks("default_action") {
		if t := act.Attribute("type"); t == nil || !literalIs(t.Value(), "redirect") {
			continue
		}
		for _, r := range act.Blocks("redirect") {
			if p := r.Attribute("protocol"); p != nil && literalIs(p.Value(), "HTTPS") {
				return true
			}
		}
	}
	return false
}

// redirects reports whether a listener's default action is a redirect of any kind.
func redirects(listener *hcl.Block) bool {
	for _, act := range listener.Blocks("default_action") {
		if t := act.Attribute("type"); t != nil && literalIs(t.Value(), "redirect") {
			return true
		}
	}
	return false
}

// literalIs reports whether v is the literal text want, ignoring case.
func literalIs(v value.Value, want string) bool {
	return v.Kind == value.Literal && strings.EqualFold(strings.TrimSpace(v.Text), want)
}

// refRoot is the resource address an expression such as aws_lb.ui.arn refers to (aws_lb.ui).
func refRoot(v value.Value) string {
	parts := strings.Split(strings.TrimSpace(v.Ref), ".")
	if v.Kind != value.Expr || len(parts) < 2 {
		return ""
	}
	return parts[0] + "." + parts[1]
}
