provider "aws" {
  region = "eu-west-1"
}

locals {
  token = "pnu_Fx7kQ2mN9pR4sT6vW8yZ1aB3cD5eF7gH9jK2" # want: known-token-format "Prefect"
}
