package rules

import (
	"context"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

func TestClassifyHost(t *testing.T) {
	pass := &Pass{Options: Options{"allowed-hosts": []any{"*.corp.example.com", "10.20.0.0/16", "api.partner.example.com"}}}
	for host, want := range map[string]hostScope{
		"localhost": hostLocal, "127.0.0.1": hostLocal, "127.8.9.1": hostLocal, "[::1]": hostLocal, "::1": hostLocal,
		"host.docker.internal": hostLocal, "redis": hostInCluster, "airflow-apiserver": hostInCluster,
		"prefect-server.prefect.svc.cluster.local": hostInCluster, "api.example.com": hostRemote, "10.1.2.3": hostRemote,
		"10.20.3.4": hostAllowed, "db.corp.example.com": hostAllowed, "corp.example.com": hostAllowed,
		"api.partner.example.com": hostAllowed, "partner.example.com": hostRemote, "": hostUnknown,
		"{{ .Values.host }}": hostUnknown, "${DB_HOST}": hostUnknown,
	} {
		if got := classifyHost(pass, host); got != want {
			t.Errorf("classifyHost(%q) = %d, want %d", host, got, want)
		}
	}
}

func TestParseEndpoint(t *testing.T) {
	e, ok := parseEndpoint("redis://:s3cr3t@redis.prod.internal:6379/0?ssl=false")
	if !ok || e.Scheme != "redis" || e.Host != "redis.prod.internal" || e.Port != "6379" || !e.Password {
		t.Fatalf("parseEndpoint = %+v, %v", e, ok)
	}
	if got := "redis://:s3cr3t@redis.prod.internal:6379/0?ssl=false"[e.PassFrom:e.PassTo]; got != "s3cr3t" {
		t.Errorf("password offsets give %q", got)
	}
	if p, off := urlTLSOff(e); !off || p != "ssl=false" {
		t.Errorf("urlTLSOff = %q, %v", p, off)
	}
	e, _ = parseEndpoint("postgresql+psycopg2://etl@[2001:db8::1]:5432/dw?SSLMode=prefer")
	if e.Host != "2001:db8::1" || e.baseScheme() != "postgresql" || e.Password {
		t.Errorf("ipv6 endpoint = %+v", e)
	}
	if p, off := urlTLSOff(e); !off || p != "sslmode=prefer" {
		t.Errorf("urlTLSOff = %q, %v", p, off)
	}
	if _, ok := parseEndpoint("not a url"); ok {
		t.Error("parseEndpoint accepted text without a scheme")
	}
}

// TestAllowedHostsOption runs a plaintext rule with the allowed-hosts option: the allowed host
// is quiet, the other is still reported.
func TestAllowedHostsOption(t *testing.T) {
	f := source.NewFile("bad.env", source.Dotenv, []byte("CELERY_BROKER_URL=redis://broker.corp.example.com:6379/0\n"+
		"CELERY_RESULT_BACKEND=redis://cache.example.com:6379/1\n"))
	doc, err := dotenv.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var got []Finding
	p := NewPass(context.Background(), BrokerURLPlaintext, f, Options{"allowed-hosts": []string{"*.corp.example.com"}}, nil,
		func(fd Finding) { got = append(got, fd) })
	if err := BrokerURLPlaintext.Dotenv(p, doc); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Span.Start.Line != 2 {
		t.Fatalf("findings = %+v, want one on line 2", got)
	}
}
