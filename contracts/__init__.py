"""The contract-test suite: the client and a server (emulator or deployment) vs openapi.yaml."""
