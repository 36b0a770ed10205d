"""OpenAI-compatible HTTP backend (vLLM `serve`, SGLang, llama.cpp server, OpenAI), standard
library only (urllib). "alpaca" prompts go to `/completions` as text; "chat" prompts go to
`/chat/completions` as one user message (with `chat_template_kwargs: {"enable_thinking": false}`
when `http_chat_template_kwargs` is true, which vLLM and SGLang understand).

Requests are sent one at a time, so `latency_s` is the wall time of one request. 429 and 5xx
responses are retried with exponential backoff; other errors stop the run with the URL, the
status and the start of the response body.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
from typing import Any

from ..core.prompts import render_alpaca, user_message


class HTTPBackendError(RuntimeError):
    """The server answered with an error or an unexpected body."""


class HTTPBackend:
    tokenizer = None

    def __init__(self, config: dict[str, Any]):
        self.config = config
        self.base = config["http_url"].rstrip("/")
        self.model = config["http_model"] or config["model_name"]
        self.api_key = os.environ.get(config["http_api_key_env"], "") if config["http_api_key_env"] else ""
        self.chat = config["prompt_format"] == "chat"

    def describe(self) -> dict[str, Any]:
        return {"http_url": self.base, "http_model": self.model, "api_key_sent": bool(self.api_key),
                "http_chat_template_kwargs": self.config["http_chat_template_kwargs"] if self.chat else None}

    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        url = f"{self.base}/{path}"
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        attempts = max(1, self.config["http_retries"] + 1)
        for attempt in range(attempts):
            request = urllib.request.Request(url, data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.config["http_timeout_s"]) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as error:
                text = error.read().decode("utf-8", "replace")[:300]
                if (error.code == 429 or error.code >= 500) and attempt + 1 < attempts:
                    time.sleep(min(2 ** attempt, 30))
                    continue
                raise HTTPBackendError(f"POST {url} failed with HTTP {error.code}: {text}") from error
            except urllib.error.URLError as error:
                if attempt + 1 < attempts:
                    time.sleep(min(2 ** attempt, 30))
                    continue
                raise HTTPBackendError(f"POST {url} failed: {error.reason}") from error
            except json.JSONDecodeError as error:
                raise HTTPBackendError(f"POST {url}: the response is not JSON") from error
        raise AssertionError("unreachable")

    def _payload(self, row: dict[str, str], context: str | None) -> tuple[str, dict[str, Any]]:
        c = self.config
        common: dict[str, Any] = {"model": self.model, "max_tokens": c["max_new_tokens"],
                                  "temperature": c["temperature"] if c["do_sample"] else 0.0,
                                  "top_p": c["top_p"] if c["do_sample"] else 1.0, "seed": c["seed"]}
        if self.chat:
            common["messages"] = [{"role": "user", "content": user_message(row["instruction"], row["input"], context)}]
            if c["http_chat_template_kwargs"]:
                common["chat_template_kwargs"] = {"enable_thinking": False}
            return "chat/completions", common
        common["prompt"] = render_alpaca(row["instruction"], row["input"], "", context)
        return "completions", common

    def generate(self, rows: list[dict[str, str]], contexts: list[str | None], batch_index: int = 0) -> list[dict[str, Any]]:
        outputs = []
        for row, context in zip(rows, contexts):
            path, payload = self._payload(row, context)
            t0 = time.perf_counter()
            data = self._post(path, payload)
            latency = time.perf_counter() - t0
            try:
                choice = data["choices"][0]
                text = choice["message"]["content"] if self.chat else choice["text"]
            except (KeyError, IndexError, TypeError) as error:
                raise HTTPBackendError(f"{self.base}/{path}: expected choices[0].{'message.content' if self.chat else 'text'} "
                                       f"in the response, got {json.dumps(data)[:200]}") from error
            usage = data.get("usage") or {}
            outputs.append({"prediction": (text or "").strip(), "latency_s": latency,
                            "prompt_tokens": usage.get("prompt_tokens"), "new_tokens": usage.get("completion_tokens"),
                            "hit_max_new_tokens": choice.get("finish_reason") == "length"})
        return outputs
