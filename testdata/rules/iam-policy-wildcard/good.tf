# Scoped Terraform IAM: nothing here is reported.
resource "aws_iam_role" "worker" {
  name = "worker"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "scoped" {
  role = aws_iam_role.worker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "${aws_s3_bucket.data.arn}/*" },
      { Effect = "Allow", Action = "iam:PassRole", Resource = aws_iam_role.task.arn },
      { Effect = "Allow", Action = "s3:*", Resource = [var.bucket_arn] },
      { Effect = "Deny", Action = "*", Resource = "*" },
      { Effect = "Allow", Action = ["logs:DescribeLogGroups", "cloudwatch:PutMetricData"], Resource = "*" },
      { Effect = "Allow", Action = var.actions, Resource = "*" },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "read_only" {
  role       = aws_iam_role.worker.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy_attachment" "variable" {
  role       = aws_iam_role.worker.name
  policy_arn = var.extra_policy_arn
}

# a key policy: Resource "*" is the key itself
resource "aws_kms_key" "data" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

# a trust policy that allows any principal to assume is another rule's business
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
