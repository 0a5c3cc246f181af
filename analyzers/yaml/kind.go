package yaml

import (
	"path"
	"strings"
)

// Kind is what a YAML file is, as far as dagwarden cares.
type Kind string

// The kinds Parse recognises.
const (
	Compose              Kind = "docker-compose"
	Kubernetes           Kind = "kubernetes"             // manifests; see Manifests for their kinds
	HelmTemplate         Kind = "helm-template"          // a chart's templates/*.yaml
	HelmValues           Kind = "helm-values"            // values of a chart not recognised below
	AirflowHelm          Kind = "helm-airflow"           // the official apache-airflow chart
	AirflowHelmCommunity Kind = "helm-airflow-community" // airflow-helm/charts
	DagsterHelm          Kind = "helm-dagster"
	PrefectHelm          Kind = "helm-prefect" // prefect-server and prefect-worker charts
	PrefectYAML          Kind = "prefect.yaml"
	DagsterYAML          Kind = "dagster.yaml"
	Workspace            Kind = "workspace.yaml"
	DagsterCloud         Kind = "dagster_cloud.yaml"
	ArgoWorkflow         Kind = "argo-workflow"
	KubeflowPipeline     Kind = "kubeflow-pipeline"
	GitHubWorkflow       Kind = "github-workflow"
	Generic              Kind = "yaml"
)

// Kind is the file's kind, decided by its name first and its content second.
func (s *Stream) Kind() Kind { return s.kind }

func (s *Stream) detectKind() Kind {
	p := strings.ToLower(s.f.Path)
	base := path.Base(p)
	stem := strings.TrimSuffix(strings.TrimSuffix(base, ".yaml"), ".yml")
	switch {
	case stem == "prefect":
		return PrefectYAML
	case stem == "dagster":
		return DagsterYAML
	case stem == "workspace" && s.has("load_from"):
		return Workspace
	case stem == "dagster_cloud":
		return DagsterCloud
	case strings.HasPrefix(stem, "docker-compose") || stem == "compose" || strings.HasPrefix(stem, "compose."):
		return Compose
	case strings.Contains(p, ".github/workflows/"):
		return GitHubWorkflow
	case inDir(p, "templates") && s.templated:
		return HelmTemplate
	case strings.HasPrefix(stem, "values"):
		if k := s.helmChart(); k != "" {
			return k
		}
		return HelmValues
	}
	return s.byContent()
}

func inDir(p, dir string) bool {
	return strings.HasPrefix(p, dir+"/") || strings.Contains(p, "/"+dir+"/")
}

// has reports whether any document's root mapping has all the keys.
func (s *Stream) has(keys ...string) bool {
	for _, d := range s.Documents() {
		all := true
		for _, k := range keys {
			all = all && d.Get(k) != nil
		}
		if all {
			return true
		}
	}
	return false
}

func (s *Stream) byContent() Kind {
	for _, m := range s.Manifests() {
		switch {
		case strings.HasPrefix(m.APIVersion, "argoproj.io/"):
			return ArgoWorkflow
		case strings.HasPrefix(m.APIVersion, "kubeflow.org/"):
			return KubeflowPipeline
		}
		return Kubernetes
	}
	switch {
	case s.has("services"):
		return Compose
	case s.has("pipelineInfo", "deploymentSpec") || s.has("pipelineInfo", "root"):
		return KubeflowPipeline // KFP v2 compiled pipeline
	case s.has("on", "jobs"):
		return GitHubWorkflow
	case s.has("deployments") && (s.has("pull") || s.has("build") || s.has("push") || s.has("prefect-version")):
		return PrefectYAML
	case s.has("load_from"):
		return Workspace
	case s.anyLocationName():
		return DagsterCloud
	case s.has("run_storage") || s.has("event_log_storage") || s.has("run_launcher") || s.has("run_coordinator") ||
		s.has("compute_logs") || s.has("storage", "telemetry") || s.has("storage", "run_monitoring"):
		return DagsterYAML
	}
	if k := s.helmChart(); k != "" {
		return k
	}
	return Generic
}

func (s *Stream) anyLocationName() bool {
	for _, d := range s.Documents() {
		for _, l := range d.Get("locations").Items() {
			if l.Get("location_name") != nil {
				return true
			}
		}
	}
	return false
}

// helmChart recognises the values of the charts pipelines deploy with, by their signature keys.
func (s *Stream) helmChart() Kind {
	if len(s.docs) == 0 {
		return ""
	}
	d := s.Documents()[0]
	switch {
	case d.Get("executor") != nil && (d.Get("webserverSecretKey") != nil || d.Get("fernetKey") != nil ||
		d.Get("apiSecretKey") != nil || d.Get("jwtSecret") != nil || d.Get("webserverSecretKeySecretName") != nil ||
		d.Get("fernetKeySecretName") != nil || (d.Get("scheduler") != nil && d.Get("webserver") != nil)):
		return AirflowHelm
	case d.Path("airflow", "config") != nil || d.Path("airflow", "users") != nil ||
		d.Path("airflow", "executor") != nil || d.Path("airflow", "connections") != nil:
		return AirflowHelmCommunity
	case d.Get("dagsterWebserver") != nil || d.Get("dagit") != nil || d.Get("dagsterDaemon") != nil ||
		d.Get("dagster-user-deployments") != nil:
		return DagsterHelm
	case d.Path("server", "basicAuth") != nil || d.Path("worker", "apiConfig") != nil ||
		d.Path("worker", "config", "workPool") != nil || d.Path("server", "prefectApiUrl") != nil:
		return PrefectHelm
	}
	return ""
}

// Manifest is one Kubernetes object of the stream.
type Manifest struct {
	APIVersion string
	Kind       string // Role, ClusterRole, RoleBinding, ClusterRoleBinding, Pod, Deployment, Job, CronJob, Secret, ...
	Name       string
	Namespace  string
	Doc        *Node
	Index      int // index among Documents()
}

// Manifests lists the documents that are Kubernetes objects (apiVersion and kind set), and
// the items of a `kind: List`.
func (s *Stream) Manifests() []Manifest {
	var out []Manifest
	for i, d := range s.Documents() {
		m, ok := manifest(d, i)
		if !ok {
			continue
		}
		if m.Kind == "List" {
			for _, it := range d.Get("items").Items() {
				if im, ok := manifest(it, i); ok {
					out = append(out, im)
				}
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

func manifest(d *Node, i int) (Manifest, bool) {
	api, ok1 := d.Get("apiVersion").String()
	kind, ok2 := d.Get("kind").String()
	if !ok1 || !ok2 || api == "" || kind == "" {
		return Manifest{}, false
	}
	name, _ := d.Path("metadata", "name").String()
	ns, _ := d.Path("metadata", "namespace").String()
	return Manifest{APIVersion: api, Kind: kind, Name: name, Namespace: ns, Doc: d, Index: i}, true
}
