"""The contract suite as an installed command (`didit-contract`).

The suite itself is `contracts/` in the repository; the built distribution carries it as
`didit_contract.suite.contracts` (see setup.py), with schemathesis.toml beside it, so that
`pip install "didit-toolkit[contract]"` can check a deployment without a clone.

`didit_contract.stateful_support` is also a library: what schemathesis' stateful testing has to
be told about Didit's API, used by the suite and by the README's schemathesis CLI hooks.
"""
