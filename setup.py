"""How the one distribution is laid out; the metadata is in pyproject.toml.

Why a setup.py: two things pyproject.toml cannot say. The wheel carries packages from three
folders (`src/`, the generated `generated_client/didit_client`, and the contract suite in
`contracts/`, installed as `didit_contract.suite.contracts` so no generic top-level `contracts`
lands in site-packages), and it carries files that live at the repository root, where people edit
them: `openapi.yaml` is copied into `didit_spec/` and `schemathesis.toml` next to the installed
suite at build time, so neither is ever a second copy in the repository.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SUITE = "didit_contract.suite.contracts"

# (file at the repository root, where the built package carries it)
ROOT_FILES = (
    ("openapi.yaml", Path("didit_spec", "openapi.yaml")),
    ("schemathesis.toml", Path("didit_contract", "suite", "schemathesis.toml")),
)


class BuildPyWithRootFiles(build_py):
    """build_py, then the repository-root files copied into the built packages."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads them where they are
            return
        for source, target in ROOT_FILES:
            destination = Path(self.build_lib, target)
            self.mkpath(str(destination.parent))
            self.copy_file(str(HERE / source), str(destination))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        outputs += [str(Path(self.build_lib, target)) for _, target in ROOT_FILES]
        return outputs


setup(
    packages=[
        *find_packages("src"),
        *find_packages("generated_client", include=["didit_client", "didit_client.*"]),
        SUITE,
    ],
    package_dir={
        "": "src",
        "didit_client": "generated_client/didit_client",
        SUITE: "contracts",
    },
    cmdclass={"build_py": BuildPyWithRootFiles},
)
