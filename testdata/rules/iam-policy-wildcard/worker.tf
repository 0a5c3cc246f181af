# Terraform IAM for pipeline workers: wildcards and admin policies.
resource "aws_iam_role" "prefect_worker" {
  name = "prefect-ecs-worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_policy" "worker" {
  name = "prefect-worker"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iam:PassRole"] # want: iam-policy-wildcard "`iam:PassRole` on `\\*`: any role can be handed to a service"
        Resource = "*"
      },
      {
        Effect = "Allow"
        Action = [
          "s3:*", # want: iam-policy-wildcard "allows `s3:\\*` on `\\*`"
          "secretsmanager:*", # want: iam-policy-wildcard "`secretsmanager:\\*`"
          "iam:*", # want: iam-policy-wildcard "`iam:\\*`"
        ]
        Resource = ["*"]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "worker" {
  role       = aws_iam_role.prefect_worker.name
  policy_arn = aws_iam_policy.worker.arn
}

resource "aws_iam_role_policy_attachment" "worker_admin" {
  role       = aws_iam_role.prefect_worker.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # want: iam-policy-wildcard "role `prefect_worker` has the managed `AdministratorAccess` policy"
}

resource "aws_iam_user_policy_attachment" "ci" {
  user       = "dagster-ci"
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess" # want: iam-policy-wildcard "user `dagster-ci` has the managed `PowerUserAccess` policy"
}

data "aws_iam_policy_document" "dagster_runs" {
  statement {
    actions   = ["*"] # want: iam-policy-wildcard "every action"
    resources = ["*"]
  }
}

resource "aws_iam_role" "airflow_workers" {
  name                = "airflow-workers"
  assume_role_policy  = data.aws_iam_policy_document.assume_ec2.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] # want: iam-policy-wildcard "`AmazonS3FullAccess`"
}

data "aws_iam_policy_document" "assume_ec2" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "heredoc" {
  role   = aws_iam_role.airflow_workers.id
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}
  ]
}
EOT
}
