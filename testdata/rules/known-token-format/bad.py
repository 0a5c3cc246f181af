GITHUB_TOKEN = "ghp_Fx7kQ2mN9pR4sT6vW8yZ1aB3cD5eF7gH9jK2"  # want: known-token-format "GitHub personal access token"
# the same token again is folded into the finding above
again = "ghp_Fx7kQ2mN9pR4sT6vW8yZ1aB3cD5eF7gH9jK2"
