"""python/export.py on the tiny Qwen3 (CPU): merge an adapter trained for a few steps, check that
the merged model's logits equal base+adapter, save the tokenizer and generation config beside the
weights, write an Ollama Modelfile, and convert to GGUF when a converter is there (a stand-in for
llama.cpp's convert_hf_to_gguf.py that records how it was called), or say clearly that it is not.

They need torch, transformers, peft and tokenizers; where those are missing they skip with the
reason, or fail when WORKBENCH_REQUIRE_ML_TESTS=1 (CI).
"""

import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES, PYTHON_DIR, REPO_ROOT, need_module

torch = need_module("torch")
transformers = need_module("transformers")
peft = need_module("peft")
need_module("tokenizers")

sys.path.insert(0, str(PYTHON_DIR))
import train  # noqa: E402
from workbench.core.config import resolve_config  # noqa: E402
from workbench.core.prompts import render_alpaca  # noqa: E402
from workbench.training import run_training  # noqa: E402
from _tiny_qwen3 import save_tiny_model, tiny_model, tiny_tokenizer  # noqa: E402


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A tiny base model folder and an adapter trained on it for 3 steps (a large learning rate, so
    that the adapter changes the logits noticeably)."""
    root = tmp_path_factory.mktemp("export")
    base = save_tiny_model(root / "qwen3-tiny")  # the same seeded weights as tiny_model()
    tokenizer = tiny_tokenizer()
    config = resolve_config(train.DEFAULTS, [
        f"--train_file={FIXTURES / 'train.jsonl'}", f"--val_file={FIXTURES / 'validation.jsonl'}",
        f"--out_dir={root / 'runs'}", "--run_name=tiny", "--max_steps=3", "--batch_size=2", "--grad_accum=1",
        "--eval_samples=0", "--optim=adamw_torch", "--learning_rate=0.02", "--gradient_checkpointing=false",
        "--bf16=false", "--device=cpu", "--max_seq_length=256"], train.CHOICES, train.ALTERNATIVES)
    folder = run_training(config, model=tiny_model(len(tokenizer)).to("cpu"), tokenizer=tokenizer)
    return base, folder / "adapter", root


def export(*args, env_extra=None):
    env = {**os.environ, "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false", **(env_extra or {})}
    return subprocess.run([sys.executable, str(PYTHON_DIR / "export.py"), *args], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_merged_model_has_identical_logits_and_its_tokenizer(trained, tmp_path):
    base, adapter, _ = trained
    out = tmp_path / "merged"
    run = export(f"--adapter={adapter}", f"--base_model={base}", f"--out={out}", "--gguf=off")
    assert run.returncode == 0, run.stderr[-3000:]
    assert f"merged model: {out}" in run.stdout and f"ollama create merged -f {out / 'Modelfile'}" in run.stdout
    names = {p.name for p in out.iterdir()}
    assert {"model.safetensors", "config.json", "generation_config.json", "tokenizer.json",
            "tokenizer_config.json", "Modelfile", "export.json"} <= names
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".merged.")], "no temporary folder left"

    record = json.loads((out / "export.json").read_text(encoding="utf-8"))
    check = record["check"]
    assert check["passed"] and check["atol"] == 1e-4 and check["dtype"] == "float32" and check["prompts"] == 3
    assert check["max_abs_diff"] <= 1e-4 and check["top1_agreement"] == 1.0
    assert check["adapter_effect"] > 1e-3, "the adapter changes the logits, so the check can tell"
    assert record["gguf"] == {"status": "off"}
    assert record["adapter"]["r"] == 16 and len(record["adapter"]["weights_sha256"]) == 64

    # Independently of export.py: the saved folder loads as a plain model whose logits equal
    # base + adapter on a Kazakh prompt, and its tokenizer is the training tokenizer.
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    original = AutoTokenizer.from_pretrained(str(adapter))
    saved = AutoTokenizer.from_pretrained(str(out))
    prompt = render_alpaca("Еңбек шартын бұзу үшін қандай айыппұл бар?", "Салық кодексі, 12-бап")
    ids = original(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"]
    assert saved(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"].tolist() == ids.tolist()
    assert saved.chat_template == original.chat_template and saved.eos_token == "<|im_end|>"
    merged = AutoModelForCausalLM.from_pretrained(str(out), dtype=torch.float32).eval()
    reference = PeftModel.from_pretrained(
        AutoModelForCausalLM.from_pretrained(str(base), dtype=torch.float32), str(adapter)).eval()
    with torch.no_grad():
        got, want = merged(input_ids=ids).logits, reference(input_ids=ids).logits
        with reference.disable_adapter():
            plain = reference(input_ids=ids).logits
    assert torch.allclose(got, want, atol=1e-5, rtol=0)
    assert not torch.allclose(got, plain, atol=1e-3, rtol=0), "merging changed the model"
    assert not any("lora" in name for name, _ in merged.named_parameters())


def test_modelfile_uses_the_training_prompt(trained, tmp_path):
    base, adapter, _ = trained
    out = tmp_path / "alpaca"
    assert export(f"--adapter={adapter}", f"--base_model={base}", f"--out={out}", "--gguf=off",
                  "--ollama_name=kz-legal").returncode == 0
    text = (out / "Modelfile").read_text(encoding="utf-8")
    assert text.startswith("# Written by python/export.py. Register with: ollama create kz-legal -f Modelfile\n")
    assert "\nFROM .\n" in text
    assert f'TEMPLATE """{render_alpaca("{{ .Prompt }}", "", "")}"""' in text
    assert 'PARAMETER stop "<|im_end|>"' in text and 'PARAMETER stop "### Instruction:"' in text

    chat = tmp_path / "chat"
    assert export(f"--adapter={adapter}", f"--base_model={base}", f"--out={chat}", "--gguf=off",
                  "--prompt_format=chat", f"--check_file={FIXTURES / 'validation.jsonl'}").returncode == 0
    text = (chat / "Modelfile").read_text(encoding="utf-8")
    assert "{{- range .Messages }}<|im_start|>{{ .Role }}" in text and "<think>\n\n</think>\n\n" in text
    assert text.count('PARAMETER stop "<|im_end|>"') == 1


def test_gguf_missing_converter_is_a_message_not_a_traceback(trained, tmp_path):
    base, adapter, _ = trained
    empty = tmp_path / "no-llama"
    empty.mkdir()
    env = {"LLAMA_CPP_DIR": str(empty), "PATH": os.path.dirname(sys.executable) + os.pathsep + "/usr/bin:/bin"}
    auto = export(f"--adapter={adapter}", f"--base_model={base}", f"--out={tmp_path / 'auto'}", env_extra=env)
    assert auto.returncode == 0, auto.stderr[-3000:]
    assert "GGUF not written: llama.cpp's convert_hf_to_gguf.py was not found" in auto.stdout
    assert "Traceback" not in auto.stderr
    record = json.loads((tmp_path / "auto" / "export.json").read_text(encoding="utf-8"))
    assert record["gguf"]["status"] == "skipped"

    required = export(f"--adapter={adapter}", f"--base_model={base}", f"--out={tmp_path / 'req'}",
                      "--gguf=required", env_extra=env)
    assert required.returncode == 1 and "Traceback" not in required.stderr
    assert "error: --gguf=required, but llama.cpp's convert_hf_to_gguf.py was not found" in required.stderr
    assert not (tmp_path / "req").exists()


def test_gguf_conversion_runs_llama_cpp_converter_on_the_merged_folder(trained, tmp_path):
    base, adapter, _ = trained
    llama = tmp_path / "llama.cpp"
    llama.mkdir()
    calls = tmp_path / "calls.json"
    (llama / "convert_hf_to_gguf.py").write_text(
        "import json, pathlib, sys\n"
        "args = sys.argv[1:]\n"
        "folder = pathlib.Path(args[0])\n"
        f"pathlib.Path({str(calls)!r}).write_text(json.dumps({{'args': args, 'files': sorted(p.name for p in folder.iterdir())}}))\n"
        "out = pathlib.Path(args[args.index('--outfile') + 1])\n"
        "out.write_bytes(b'GGUF' + bytes(12))\n", encoding="utf-8")
    out = tmp_path / "gguf"
    run = export(f"--adapter={adapter}", f"--base_model={base}", f"--out={out}", f"--llama_cpp={llama}",
                 "--gguf_outtype=q8_0")
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(calls.read_text(encoding="utf-8"))
    assert seen["args"][1:] == ["--outfile", str(seen["args"][0]) + "/model-q8_0.gguf", "--outtype", "q8_0"]
    assert {"model.safetensors", "tokenizer.json", "config.json"} <= set(seen["files"]), "converted the merged folder"
    assert (out / "model-q8_0.gguf").read_bytes()[:4] == b"GGUF"
    assert "\nFROM ./model-q8_0.gguf\n" in (out / "Modelfile").read_text(encoding="utf-8")
    record = json.loads((out / "export.json").read_text(encoding="utf-8"))
    assert record["gguf"]["status"] == "written" and record["gguf"]["file"] == "model-q8_0.gguf"

    (llama / "convert_hf_to_gguf.py").write_text("import sys\nprint('unsupported architecture', file=sys.stderr)\n"
                                                 "sys.exit(3)\n", encoding="utf-8")
    failed = export(f"--adapter={adapter}", f"--base_model={base}", f"--out={tmp_path / 'failed'}",
                    f"--llama_cpp={llama}")
    assert failed.returncode == 1 and "failed with exit code 3" in failed.stderr and "unsupported architecture" in failed.stderr
    assert not (tmp_path / "failed").exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".failed.")]


def test_bad_settings_are_refused_before_loading(trained, tmp_path):
    base, adapter, _ = trained
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("mine", encoding="utf-8")
    run = export(f"--adapter={adapter}", f"--out={taken}")
    assert run.returncode == 2 and "exists and is not an empty folder" in run.stderr
    assert (taken / "keep.txt").read_text(encoding="utf-8") == "mine"
    run = export(f"--adapter={tmp_path}", f"--out={tmp_path / 'x'}")
    assert run.returncode == 2 and "is not a LoRA folder" in run.stderr
    run = export(f"--adapter={adapter}", f"--out={tmp_path / 'y'}")  # the adapter names no base model
    assert run.returncode == 1 and "names no base model: pass --base_model" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_wrong_merge_fails_the_check(trained, tmp_path, monkeypatch, capsys):
    """The check catches a merge that does not reproduce base+adapter (here: the adapter's scale
    doubled after the unmerged logits were taken), and nothing is written."""
    base, adapter, _ = trained
    import export as export_script
    from workbench import export as workbench_export

    real = workbench_export.compare_logits

    def doubled(merged, unmerged, plain):
        wrong = [u + 2 * (u - p) for u, p in zip(unmerged, plain)]  # base + 3 x adapter effect
        return real(wrong, unmerged, plain)

    monkeypatch.setattr(workbench_export, "compare_logits", doubled)
    code = export_script.main([f"--adapter={adapter}", f"--base_model={base}", f"--out={tmp_path / 'bad'}", "--gguf=off"])
    err = capsys.readouterr().err
    assert code == 1 and not (tmp_path / "bad").exists()
    assert "error: the merged model's logits differ from base+adapter by" in err and "nothing was written" in err
