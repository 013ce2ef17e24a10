// The "Use in your app" snippets: a label's read endpoint called with an API
// token from the environment, never a token itself (only a token's prefix is
// stored, and a snippet is copied into code and chat threads).

export type SnippetInput = {
  /** The studio's origin, e.g. https://studio.example.com */
  origin: string;
  workspaceId: string;
  /** The persona's slug: stable and readable in application code. */
  persona: string;
  label: string;
};

export type Snippet = { id: "curl" | "fetch" | "openai"; title: string; code: string };

export const TOKEN_ENV = "PERSONA_STUDIO_TOKEN";

export function labelUrl({ origin, workspaceId, persona, label }: SnippetInput): string {
  const seg = encodeURIComponent;
  return `${origin.replace(/\/+$/, "")}/api/workspaces/${seg(workspaceId)}/personas/${seg(persona)}/labels/${seg(label)}`;
}

export function labelSnippets(input: SnippetInput): Snippet[] {
  const url = labelUrl(input);
  return [
    {
      id: "curl",
      title: "curl",
      code: `curl -s "${url}" \\\n  -H "Authorization: Bearer $${TOKEN_ENV}"`,
    },
    {
      id: "fetch",
      title: "fetch",
      code: [
        `const res = await fetch("${url}", {`,
        `  headers: { Authorization: \`Bearer \${process.env.${TOKEN_ENV}}\` },`,
        `});`,
        `if (!res.ok) throw new Error(\`Persona Studio answered \${res.status}\`);`,
        `const { compiledPrompt, version } = await res.json();`,
      ].join("\n"),
    },
    {
      id: "openai",
      title: "OpenAI SDK",
      code: [
        `import OpenAI from "openai";`,
        ``,
        `const res = await fetch("${url}", {`,
        `  headers: { Authorization: \`Bearer \${process.env.${TOKEN_ENV}}\` },`,
        `});`,
        `const { compiledPrompt: prompt } = await res.json();`,
        ``,
        `const client = new OpenAI();`,
        `const completion = await client.chat.completions.create({`,
        `  model: "gpt-4o-mini",`,
        `  messages: [`,
        `    { role: "system", content: prompt },`,
        `    { role: "user", content: "Hello!" },`,
        `  ],`,
        `});`,
      ].join("\n"),
    },
  ];
}
