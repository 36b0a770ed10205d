"""The OpenAI-compatible backend against a small server on 127.0.0.1 (standard library only)."""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import FIXTURES, PYTHON_DIR, need_module
from workbench.core.schema import validate_result

sys.path.insert(0, str(PYTHON_DIR))
import benchmark  # noqa: E402
from workbench.backends.openai_http import HTTPBackend, HTTPBackendError  # noqa: E402
from workbench.benchmarking import run_benchmark  # noqa: E402
from workbench.core.config import resolve_config  # noqa: E402


class FakeServer:
    def __init__(self):
        self.requests = []
        self.fail_next = []  # status codes to answer before succeeding
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8"))
                owner.requests.append((self.path, body, self.headers.get("Authorization")))
                if owner.fail_next:
                    code = owner.fail_next.pop(0)
                    self.send_response(code)
                    self.end_headers()
                    self.wfile.write(b'{"error": "nope"}')
                    return
                question = body["messages"][0]["content"] if "messages" in body else body["prompt"]
                answer = f"Ответ {len(question)}"
                choice = {"message": {"role": "assistant", "content": answer}} if "messages" in body else {"text": " " + answer}
                choice["finish_reason"] = "length" if "НДС" in question else "stop"
                data = {"choices": [choice], "usage": {"prompt_tokens": len(question) // 4, "completion_tokens": 7}}
                payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def config(tmp_path, url, *extra):
    return resolve_config(benchmark.DEFAULTS, ["--system=http", f"--http_url={url}", "--http_model=test-model",
                                               f"--val_file={FIXTURES / 'validation.jsonl'}", f"--out={tmp_path}",
                                               "--bertscore=off", "--size_b=null", "--family=test",
                                               f"--train_file={FIXTURES / 'train.jsonl'}", *extra],
                          benchmark.CHOICES)


def test_alpaca_prompts_go_to_completions_and_the_result_validates(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_KEY", "sekret")
    with FakeServer() as server:
        path = run_benchmark(config(tmp_path, server.url, "--http_api_key_env=TEST_KEY", "--max_new_tokens=7"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    validate_result(doc, str(path))
    assert len(server.requests) == 6
    route, body, auth = server.requests[0]
    assert route == "/v1/completions" and auth == "Bearer sekret"
    assert body["prompt"].startswith("Below is an instruction") and body["prompt"].endswith("### Response:\n")
    assert body["max_tokens"] == 7 and body["temperature"] == 0.1 and body["model"] == "test-model"
    assert doc["run"]["variant"] == "external" and doc["run"]["model"] == "test-model"
    assert doc["decoding"]["prompt"]["prompt_format"] == "alpaca" and doc["decoding"]["api_key_sent"] is True
    assert "sekret" not in path.read_text(encoding="utf-8")
    for sample in doc["samples"]:
        assert sample["prediction"].startswith("Ответ ") and sample["new_tokens"] == 7
        assert sample["hit_max_new_tokens"] is ("НДС" in sample["instruction"])
        assert sample["latency_s"] > 0


def test_chat_prompts_disable_thinking_and_rag_adds_context(tmp_path):
    need_module("sklearn", "scikit-learn is not installed (RAG retrieval needs it)")
    with FakeServer() as server:
        path = run_benchmark(config(tmp_path, server.url, "--prompt_format=chat", "--rag_top_k=2", "--n=3"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    route, body, _ = server.requests[0]
    assert route == "/v1/chat/completions" and body["chat_template_kwargs"] == {"enable_thinking": False}
    assert "Legal context:\n[1] Q:" in body["messages"][0]["content"]
    assert doc["run"]["rag"]["top_k"] == 2 and all(1 <= len(s["retrieval"]) <= 2 for s in doc["samples"])
    assert doc["run"]["id"] == "test-model-base-rag2-http-n3"


def test_retries_server_errors_and_reports_client_errors(tmp_path):
    with FakeServer() as server:
        server.fail_next = [503]
        backend = HTTPBackend(dict(config(tmp_path, server.url, "--http_retries=1")))
        rows = [{"id": "0", "instruction": "Вопрос", "input": ""}]
        assert backend.generate(rows, [None])[0]["prediction"].startswith("Ответ")
        assert len(server.requests) == 2
        server.fail_next = [400]
        with pytest.raises(HTTPBackendError, match=r"HTTP 400: \{\"error\": \"nope\"\}"):
            backend.generate(rows, [None])
