"""report.html in real headless Chromium: the figures draw, nothing is fetched, no script fails."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip(
        "chromium is not installed (CI installs it; locally: apt-get install chromium)", allow_module_level=True
    )

websocket = pytest.importorskip("websocket")


class DevTools:
    """A minimal Chrome DevTools Protocol client over one page's websocket."""

    def __init__(self, url: str) -> None:
        self.ws = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    def call(self, method: str, **params: object) -> dict:
        msg_id = next(self.ids)
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == msg_id:
                assert "error" not in msg, msg
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            assert time.monotonic() < deadline, f"no {method} within {timeout} s"
            self.ws.settimeout(max(0.1, deadline - time.monotonic()))
            self.events.append(json.loads(self.ws.recv()))

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")


@pytest.fixture
def browser(tmp_path: Path):
    assert CHROMIUM, "chromium is required on CI"
    profile = tmp_path / "profile"
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--remote-debugging-port=0",
        f"--user-data-dir={profile}",
        "about:blank",
    ]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        for _ in range(300):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as resp:
            page = next(t for t in json.load(resp) if t["type"] == "page")
        tools = DevTools(page["webSocketDebuggerUrl"])
        yield tools
        tools.ws.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_report_renders_offline_in_chromium(browser: DevTools, report_dir: Path) -> None:
    for domain in ("Network", "Runtime", "Log", "Page"):
        browser.call(f"{domain}.enable")
    browser.call("Page.navigate", url=(report_dir / "report.html").as_uri())
    browser.wait_for("Page.loadEventFired")

    figures = browser.evaluate("document.querySelectorAll('.plotly-graph-div').length")
    assert figures >= 1
    deadline = time.monotonic() + 20
    while browser.evaluate("document.querySelectorAll('.js-plotly-plot .main-svg').length") < figures:
        assert time.monotonic() < deadline, "plotly did not draw every figure"
        time.sleep(0.2)
    assert browser.evaluate("document.querySelectorAll('.js-plotly-plot .main-svg .trace').length") > 0
    assert browser.evaluate("typeof define") == "undefined"  # plotly.js loaded as a plain global, not AMD
    assert browser.evaluate("document.querySelectorAll('table.dataframe').length") >= 5

    browser.call("Runtime.evaluate", expression="1")  # drain the events sent so far
    urls = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
    assert urls and all(u.startswith(("file:", "data:", "about:")) for u in urls), urls
    exceptions = [e["params"] for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    assert not exceptions, exceptions
    console = [
        e["params"]
        for e in browser.events
        if e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert")
    ]
    assert not console, console
    logged = [e["params"]["entry"] for e in browser.events if e.get("method") == "Log.entryAdded"]
    assert not [entry for entry in logged if entry["level"] == "error"], logged
