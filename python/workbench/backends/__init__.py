"""Generation backends. Each has `generate(rows, contexts, batch_index)` returning, per row,
`prediction`, `latency_s`, `prompt_tokens`, `new_tokens`, `hit_max_new_tokens`, and
`describe()` returning the settings to record in the result file's `decoding`.

`new_tokens` counts generated tokens before the stop token (EOS); `hit_max_new_tokens` is true
when no stop token came within `max_new_tokens` (the answer was cut).
"""
