# An MWAA module: the environment, its execution role with an inline jsonencode policy, a heredoc policy and a policy document.
resource "aws_mwaa_environment" "this" {
  name                  = var.name
  webserver_access_mode = "PUBLIC_ONLY"
  source_bucket_arn     = aws_s3_bucket.dags.arn
  airflow_configuration_options = {
    "core.fernet_key"       = "ZmVybmV0LWtleS1ub3QtcmVhbC0xMjM0NTY3ODkwYWI="
    "webserver.secret_key"  = random_password.secret.result
    "core.sql_alchemy_conn" = "postgresql://airflow:S3cr3t@${aws_db_instance.meta.address}/airflow"
  }
}

resource "aws_iam_role_policy" "mwaa" {
  name = "mwaa-execution"
  role = aws_iam_role.mwaa.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
      {
        Effect    = "Allow"
        NotAction = ["iam:*"]
        Resource  = ["${aws_s3_bucket.dags.arn}/*", var.extra_arn]
      },
    ]
  })
}

resource "aws_iam_role" "mwaa" {
  name               = "mwaa" # the execution role
  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": "sts:AssumeRole"
    }
  ]
}
EOF
}

data "aws_iam_policy_document" "logs" {
  statement {
    sid       = "Logs"
    actions   = ["logs:*"]
    resources = ["arn:aws:logs:*:*:log-group:airflow-*"]
    principals {
      type        = "Service"
      identifiers = ["airflow.amazonaws.com"]
    }
  }
}

/* inline JSON in a quoted string */
resource "aws_iam_policy" "inline" {
  policy = "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}"
}
