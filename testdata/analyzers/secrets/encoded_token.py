# A fake GitHub token hidden in base64, and one silenced with gitleaks:allow.
blob = "Z2l0aHViX3Rva2VuID0gImdocF9EdzBGaXh0dXJlME5vdEFSZWFsVG9rZW4wRkFLRTB0b2szbloiCg=="
ignored = "ghp_Dw0Fixture0NotARealToken0FAKE0tok3nY"  # gitleaks:allow
