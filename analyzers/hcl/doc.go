// Package hcl is the Terraform front-end (.tf, .tfvars, and .tf.json, .tfvars.json in HCL's JSON
// syntax) on hashicorp/hcl/v2.
//
// Parse keeps HCL's own tree (Body) and adds what rules need, with exact spans (HCL's character
// columns are converted through its byte offsets):
//
//   - Blocks and Attributes in source order (HCL keeps attributes in a map; they are sorted by
//     position so output is deterministic).
//   - Value: literal evaluation without variables. A string, number or bool with no reference
//     is a value.Literal (strings through value.ClassifyString). Anything that refers to
//     something (var.x, local.x, data.x.y, random_password.x.result, a function call) is a
//     value.Expr whose Ref is the expression's source text. A string with `${...}`
//     interpolations is an Expr too (it is not a known constant), but its Text keeps the
//     literal parts with each interpolation as written, e.g.
//     "postgresql://airflow:pw@${aws_db_instance.db.address}/airflow", so a rule can still see a
//     credential written around a reference.
//   - Entries: every attribute as a value.Entry with Path [block type, labels..., attribute];
//     nested blocks append their type and labels; object values add one level per key and tuple
//     items add "[i]". MWAA's airflow_configuration_options = {"core.fernet_key" = "..."} gives
//     [resource aws_mwaa_environment <name> airflow_configuration_options core.fernet_key]. A
//     .tfvars file has only root attributes: Path [name, keys...].
//   - Policies: IAM policy documents wherever they are written: jsonencode({...}), heredoc or
//     quoted JSON strings, and data "aws_iam_policy_document" statement blocks, each Effect,
//     Action, NotAction, Resource, NotResource and Principal value with its span in the .tf file
//     (inside heredocs and escaped strings too).
//   - Comments (#, //, /* */) from HCL's own lexer, so `#` inside strings and heredocs is text.
//
// Parse errors become SyntaxErrors and the body HCL recovered is still analysed.
//
// JSON syntax is parsed with hcl/v2/json and converted into the same hclsyntax tree, so every
// accessor and every rule reads both syntaxes alike (jsonsyntax.go): strings are templates, as
// Terraform reads them ("${aws_iam_role.x.arn}" is a reference, "${jsonencode({...})}" a call
// whose policy statements are found with exact positions despite the \" escapes), labels are
// nested properties, and "//" properties are comments. JSON cannot tell a nested block from an
// object argument without the provider's schema: Terraform's own block types are known, and in
// resource, data and provider bodies an object (or array of objects) whose keys are identifiers
// is read as a block. A block's Header is then its innermost label. A broken JSON document keeps
// nothing but its SyntaxErrors (the text-level secret scan still runs); JSON has no comments, so
// Comments is empty.
package hcl
