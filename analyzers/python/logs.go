package python

import "strings"

// LogKind says which logging facility a call writes to.
type LogKind uint8

// The log sinks dagwarden recognises.
const (
	LogNone    LogKind = iota
	LogStdlib          // logging.info(...), logging.getLogger(...).info(...), a variable named log/logger
	LogAirflow         // self.log in operators and hooks, LoggingMixin().log
	LogPrefect         // get_run_logger()
	LogDagster         // context.log, get_dagster_logger()
	LogPrint           // print(...): captured into task logs by every framework
)

var logKindNames = [...]string{"", "logging", "airflow", "prefect", "dagster", "print"}

func (k LogKind) String() string {
	if int(k) < len(logKindNames) {
		return logKindNames[k]
	}
	return ""
}

var logMethods = map[string]bool{"debug": true, "info": true, "warning": true, "warn": true, "error": true,
	"exception": true, "critical": true, "fatal": true, "log": true}

var loggerTypes = map[string]LogKind{
	"logging":        LogStdlib,
	"logging.Logger": LogStdlib,
	"airflow.Logger": LogAirflow,
	"prefect.Logger": LogPrefect,
	"dagster.Logger": LogDagster,
}

var loggerNames = map[string]bool{"log": true, "logger": true, "LOG": true, "LOGGER": true, "_log": true,
	"_logger": true, "self.log": true, "self.logger": true, "self._log": true, "self._logger": true}

// LogSink reports whether the call writes its arguments to a log, and to which one.
func (c *Call) LogSink() (LogKind, bool) {
	if c.Name == "print" {
		return LogPrint, true
	}
	method := c.Method()
	if !logMethods[method] || c.Decorator {
		return LogNone, false
	}
	if c.Name != "" {
		recv := strings.TrimSuffix(c.Name, "."+method)
		if k, ok := loggerTypes[recv]; ok {
			return k, true
		}
	}
	if c.Receiver != nil && loggerNames[c.Receiver.Text] {
		if t := c.Receiver.Name(); t == "" || loggerTypes[t] != LogNone {
			if c.Receiver.Text == "self.log" && c.Receiver.m.frameworks.Has(Airflow) {
				return LogAirflow, true
			}
			return LogStdlib, true
		}
	}
	return LogNone, false
}

// LogPrints reports whether print output inside the function is captured into the run's logs by
// Prefect: the function is a flow or task with log_prints=True, or is called (directly or through
// other functions of the module) from such a flow and does not set log_prints=False itself.
func (f *Function) LogPrints() bool {
	for g := f; g != nil; g = g.Parent {
		if g.logPrints {
			return true
		}
	}
	return false
}

// CapturedPrint reports whether the call is a print whose output Prefect captures (see
// Function.LogPrints).
func (c *Call) CapturedPrint() bool {
	return c.Name == "print" && c.Func != nil && c.Func.LogPrints()
}

// prefectLogPrints returns whether a function's flow/task decorator sets log_prints, and whether
// it says so explicitly.
func prefectLogPrints(f *Function) (on, explicit bool) {
	d := f.Decorator("prefect.flow", "prefect.task")
	if d == nil {
		return false, false
	}
	k := d.Keyword("log_prints")
	if k == nil {
		return false, false
	}
	return k.Value.IsTrue(), true
}

// computeLogPrints marks functions whose prints Prefect captures.
func (m *Module) computeLogPrints() {
	var queue []*Function
	for _, f := range m.funcs {
		if on, _ := prefectLogPrints(f); on {
			f.logPrints = true
			queue = append(queue, f)
		}
	}
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		for _, c := range f.calls {
			g := m.calledFunction(c)
			if g == nil || g.logPrints {
				continue
			}
			if _, explicit := prefectLogPrints(g); explicit {
				continue
			}
			g.logPrints = true
			queue = append(queue, g)
		}
	}
}

// calledFunction returns the same-module function a call invokes (task.submit and task.map and
// task.fn included), or nil.
func (m *Module) calledFunction(c *Call) *Function {
	if c.Name == "" || c.Decorator {
		return nil
	}
	name := c.Name
	for _, suf := range []string{".submit", ".map", ".fn", ".delay"} {
		if strings.HasSuffix(name, suf) {
			if f := m.funcByName[strings.TrimSuffix(name, suf)]; f != nil {
				return f
			}
		}
	}
	return m.funcByName[name]
}
