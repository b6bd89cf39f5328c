"""neo4j/neo4j.sh: a port clash names the variable that set the port."""

from __future__ import annotations

import os
import socket
import subprocess

from tests.conftest import ROOT


def test_a_port_clash_names_the_tests_port_variable(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = os.environ | {
            "NEO4J_PORT": str(port),
            "NEO4J_HOME": str(tmp_path),
            "NEO4J_PORT_SETTING": "NEO4J_TEST_PORT",
        }
        tests = subprocess.run([str(ROOT / "neo4j" / "neo4j.sh"), "start"], env=env, capture_output=True, text=True)
        env.pop("NEO4J_PORT_SETTING")
        plain = subprocess.run([str(ROOT / "neo4j" / "neo4j.sh"), "start"], env=env, capture_output=True, text=True)
    assert (
        tests.returncode == 1 and f"port {port} is already in use; set NEO4J_TEST_PORT to another port" in tests.stderr
    )
    assert plain.returncode == 1 and f"port {port} is already in use; set NEO4J_PORT to another port" in plain.stderr
