package changes

import "testing"

const diff = `diff --git a/dags/etl.py b/dags/etl.py
index 1111111..2222222 100644
--- a/dags/etl.py
+++ b/dags/etl.py
@@ -3,0 +4,2 @@ import os
+token = "x"
+verify = False
@@ -20 +22 @@ def run():
-    old()
+    new()
diff --git a/dags/new.py b/dags/new.py
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/dags/new.py
@@ -0,0 +1,2 @@
+a = 1
+b = 2
diff --git a/old.py b/old.py
deleted file mode 100644
index 4444444..0000000
--- a/old.py
+++ /dev/null
@@ -1 +0,0 @@
-x = 1
diff --git a/a.yaml b/b.yaml
similarity index 90%
rename from a.yaml
rename to b.yaml
index 5555555..6666666 100644
--- a/a.yaml
+++ b/b.yaml
@@ -2 +2 @@
-k: v
+k: w
`

func TestParse(t *testing.T) {
	s, err := Parse([]byte(diff))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		line int
		want bool
	}{
		{"dags/etl.py", 3, false}, {"dags/etl.py", 4, true}, {"dags/etl.py", 5, true}, {"dags/etl.py", 6, false},
		{"dags/etl.py", 22, true}, {"dags/etl.py", 20, false},
		{"dags/new.py", 99, true}, {"old.py", 1, false}, {"b.yaml", 2, true}, {"b.yaml", 1, false}, {"a.yaml", 2, false},
	} {
		if got := s.Contains(c.path, c.line); got != c.want {
			t.Errorf("Contains(%s, %d) = %v, want %v", c.path, c.line, got, c.want)
		}
	}
	if !s.Touches("b.yaml") || s.Touches("untouched.py") {
		t.Error("Touches wrong")
	}
}
