"""vLLM backend (optional extra `vllm`): the whole batch goes to `LLM.generate`; a LoRA adapter
is applied with `LoRARequest`. `latency_s` is the batch's wall time divided by its size."""

from __future__ import annotations

from typing import Any

from ..core.prompts import render_prompt


class VLLMBackend:
    def __init__(self, config: dict[str, Any]):
        try:
            from vllm import LLM
        except ImportError as error:
            raise RuntimeError("vLLM is not installed: pip install 'kz-legal-workbench[vllm]' or use --system=hf") from error
        self.config = config
        self.llm = LLM(model=config["model_name"], dtype="bfloat16", seed=config["seed"],
                       enable_lora=bool(config["adapter"]), max_lora_rank=config["vllm_max_lora_rank"],
                       gpu_memory_utilization=config["vllm_gpu_memory_utilization"],
                       max_model_len=config["max_prompt_tokens"] + config["max_new_tokens"])
        self.tokenizer = self.llm.get_tokenizer()
        self.lora = None
        if config["adapter"]:
            from vllm.lora.request import LoRARequest

            self.lora = LoRARequest("adapter", 1, config["adapter"])

    def describe(self) -> dict[str, Any]:
        import vllm

        return {"vllm": vllm.__version__, "lora": bool(self.lora)}

    def peak_gpu_memory_gb(self) -> float | None:
        return None  # vLLM pre-allocates gpu_memory_utilization of the GPU; peak is not meaningful

    def generate(self, rows: list[dict[str, str]], contexts: list[str | None], batch_index: int = 0) -> list[dict[str, Any]]:
        import time

        from vllm import SamplingParams

        c = self.config
        prompts = [render_prompt(c["prompt_format"], r["instruction"], r["input"], ctx, self.tokenizer)
                   for r, ctx in zip(rows, contexts)]
        params = SamplingParams(max_tokens=c["max_new_tokens"], temperature=c["temperature"] if c["do_sample"] else 0.0,
                                top_p=c["top_p"] if c["do_sample"] else 1.0, top_k=c["top_k"] if c["do_sample"] else -1,
                                repetition_penalty=c["repetition_penalty"], seed=c["seed"] + batch_index)
        t0 = time.perf_counter()
        outputs = self.llm.generate(prompts, params, lora_request=self.lora, use_tqdm=False)
        share = (time.perf_counter() - t0) / len(rows)
        results = []
        for out in outputs:
            choice = out.outputs[0]
            results.append({"prediction": choice.text.strip(), "latency_s": share,
                            "prompt_tokens": len(out.prompt_token_ids or []), "new_tokens": len(choice.token_ids),
                            "hit_max_new_tokens": choice.finish_reason == "length"})
        return results
