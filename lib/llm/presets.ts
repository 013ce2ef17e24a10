// Starting points for the provider form: the base URL each server uses by default.

export type ProviderPreset = { id: string; name: string; baseUrl: string; needsKey: boolean; exampleModel: string; hint: string };

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  { id: "openai", name: "OpenAI", baseUrl: "https://api.openai.com/v1", needsKey: true, exampleModel: "gpt-4o-mini", hint: "Key from platform.openai.com" },
  { id: "openrouter", name: "OpenRouter", baseUrl: "https://openrouter.ai/api/v1", needsKey: true, exampleModel: "meta-llama/llama-3.1-8b-instruct", hint: "Key from openrouter.ai" },
  { id: "ollama", name: "Ollama", baseUrl: "http://localhost:11434/v1", needsKey: false, exampleModel: "llama3.1", hint: "`ollama serve` on this machine" },
  { id: "lmstudio", name: "LM Studio", baseUrl: "http://localhost:1234/v1", needsKey: false, exampleModel: "local-model", hint: "Start the local server in LM Studio" },
  { id: "vllm", name: "vLLM", baseUrl: "http://localhost:8000/v1", needsKey: false, exampleModel: "meta-llama/Llama-3.1-8B-Instruct", hint: "`vllm serve MODEL`" },
  { id: "llamacpp", name: "llama.cpp server", baseUrl: "http://localhost:8080/v1", needsKey: false, exampleModel: "default", hint: "`llama-server -m model.gguf`" },
  { id: "custom", name: "Other OpenAI-compatible", baseUrl: "", needsKey: false, exampleModel: "", hint: "Any server speaking /v1/chat/completions" },
];
