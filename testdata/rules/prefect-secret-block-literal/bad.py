from prefect.blocks.system import Secret

Secret(value="fixture-stripe-like-secret-8d7").save("stripe-key")  # want: prefect-secret-block-literal
