import os

os.environ["PREFECT_API_KEY"] = "pnu_Fx7kQ2mN9pR4sT6vW8yZ1aB3cD5eF7gH9jK2"  # want: prefect-api-key-hardcoded
