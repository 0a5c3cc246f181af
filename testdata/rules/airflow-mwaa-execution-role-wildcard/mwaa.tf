# Terraform MWAA execution roles with wildcard or admin permissions.
resource "aws_iam_role" "mwaa" {
  name = "mwaa-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = ["airflow.amazonaws.com", "airflow-env.amazonaws.com"] }
      Action    = "sts:AssumeRole"
    }]
  })

  inline_policy {
    name = "everything"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] # want: airflow-mwaa-execution-role-wildcard "MWAA execution role: policy allows every action"
    })
  }
}

resource "aws_iam_role_policy_attachment" "mwaa_admin" {
  role       = aws_iam_role.mwaa.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # want: airflow-mwaa-execution-role-wildcard "managed `AdministratorAccess` policy: every DAG task gets it"
}

# a role named by the environment, with its policy in a policy document data source
resource "aws_iam_role" "by_reference" {
  name               = "mwaa-by-reference"
  assume_role_policy = var.assume_role_policy
}

data "aws_iam_policy_document" "by_reference" {
  statement {
    actions   = ["secretsmanager:*"] # want: airflow-mwaa-execution-role-wildcard "`secretsmanager:\\*`"
    resources = ["*"]
  }
  statement {
    actions   = ["iam:PassRole"] # want: airflow-mwaa-execution-role-wildcard "`iam:PassRole`"
    resources = ["*"]
  }
}

resource "aws_iam_policy" "by_reference" {
  name   = "mwaa-by-reference"
  policy = data.aws_iam_policy_document.by_reference.json
}

resource "aws_iam_role_policy_attachment" "by_reference" {
  role       = aws_iam_role.by_reference.name
  policy_arn = aws_iam_policy.by_reference.arn
}

resource "aws_mwaa_environment" "etl" {
  name               = "etl"
  execution_role_arn = aws_iam_role.by_reference.arn
  source_bucket_arn  = aws_s3_bucket.dags.arn
  dag_s3_path        = "dags/"
}
