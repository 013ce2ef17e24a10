// Starting points for the provider form: the base URL each server uses by default,
// and the prices of the example model where they are known (US$ per million
// input / output tokens; the owner can edit them, and should when using another model).
// Sources: OpenAI's pricing page for gpt-4o-mini ($0.15 / $0.60, unchanged from its
// launch in July 2024 through 2025). Local servers run on the owner's hardware: no
// per-token charge ($0). OpenRouter's price depends on the model and its routing: unknown.

export type PresetPrices = { inputPricePerM: number; outputPricePerM: number };
export type ProviderPreset = {
  id: string; name: string; baseUrl: string; needsKey: boolean; exampleModel: string; hint: string;
  /** For exampleModel; absent when unknown. */
  prices?: PresetPrices;
};

const LOCAL: PresetPrices = { inputPricePerM: 0, outputPricePerM: 0 };

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  { id: "openai", name: "OpenAI", baseUrl: "https://api.openai.com/v1", needsKey: true, exampleModel: "gpt-4o-mini", hint: "Key from platform.openai.com", prices: { inputPricePerM: 0.15, outputPricePerM: 0.6 } },
  { id: "openrouter", name: "OpenRouter", baseUrl: "https://openrouter.ai/api/v1", needsKey: true, exampleModel: "meta-llama/llama-3.1-8b-instruct", hint: "Key from openrouter.ai" },
  { id: "ollama", name: "Ollama", baseUrl: "http://localhost:11434/v1", needsKey: false, exampleModel: "llama3.1", hint: "`ollama serve` on this machine", prices: LOCAL },
  { id: "lmstudio", name: "LM Studio", baseUrl: "http://localhost:1234/v1", needsKey: false, exampleModel: "local-model", hint: "Start the local server in LM Studio", prices: LOCAL },
  { id: "vllm", name: "vLLM", baseUrl: "http://localhost:8000/v1", needsKey: false, exampleModel: "meta-llama/Llama-3.1-8B-Instruct", hint: "`vllm serve MODEL`", prices: LOCAL },
  { id: "llamacpp", name: "llama.cpp server", baseUrl: "http://localhost:8080/v1", needsKey: false, exampleModel: "default", hint: "`llama-server -m model.gguf`", prices: LOCAL },
  { id: "custom", name: "Other OpenAI-compatible", baseUrl: "", needsKey: false, exampleModel: "", hint: "Any server speaking /v1/chat/completions" },
];
