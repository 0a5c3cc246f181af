import os

from prefect.blocks.system import Secret

key = Secret.load("stripe-key").get()
Secret(value=os.environ["STRIPE_KEY"]).save("stripe-key")
Secret(value="<your-secret>").save("placeholder")
