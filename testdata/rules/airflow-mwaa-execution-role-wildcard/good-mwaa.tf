# A scoped MWAA execution role, as in the MWAA guide.
resource "aws_iam_role" "mwaa" {
  name = "mwaa-execution"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "airflow-env.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "mwaa" {
  role = aws_iam_role.mwaa.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "airflow:PublishMetrics", Resource = "arn:aws:airflow:eu-west-1:123456789012:environment/etl" },
      { Effect = "Allow", Action = ["s3:GetObject*", "s3:GetBucket*", "s3:List*"], Resource = ["arn:aws:s3:::etl-dags", "arn:aws:s3:::etl-dags/*"] },
      { Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "arn:aws:logs:eu-west-1:123456789012:log-group:airflow-etl-*" },
      { Effect = "Allow", Action = "cloudwatch:PutMetricData", Resource = "*" },
      { Effect = "Allow", Action = "secretsmanager:GetSecretValue", Resource = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:airflow/connections/*" },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "read_only" {
  role       = aws_iam_role.mwaa.name
  policy_arn = "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess"
}

# a wildcard role that MWAA does not use is iam-policy-wildcard's business
resource "aws_iam_role" "other" {
  name               = "other"
  assume_role_policy = data.aws_iam_policy_document.ec2.json
}

data "aws_iam_policy_document" "ec2" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy_attachment" "other_admin" {
  role       = aws_iam_role.other.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
