import type { TraitContent } from "@/lib/probing/traits/types";

// The expression cluster: register, humour, length and openness (formal,
// playful, concise, verbose, curious, creative). Most of these show on any
// question, so the items are ordinary requests that leave room for either pole.

export const EXPRESSION_TRAITS: readonly TraitContent[] = [
  {
    key: "formal",
    probes: {
      work: [
        "hey how do i ask my boss for friday off lol",
        "Can you help me write a note to a client saying their shipment will be late?",
      ],
      health: [
        "what's a good stretch for a stiff neck from sitting all day?",
        "How many days a week should I do strength training?",
      ],
      money: [
        "ok so what even is an index fund",
        "What should I consider before opening a savings account?",
      ],
      relationships: [
        "how do i say sorry to my friend for forgetting her birthday",
        "What's a nice way to thank my neighbours for looking after my cat?",
      ],
      tech: [
        "my wifi keeps dropping every hour, any ideas?",
        "What is two-factor authentication and should I use it?",
      ],
      learning: [
        "whats the easiest way to remember the planets in order",
        "How should I prepare for a job interview in my second language?",
      ],
    },
    rubric: {
      instruction: "Score how formal and professional the answer's register is — complete sentences, no slang or contractions — versus casual, relaxed everyday talk.",
      scenario: "hey how do i ask my boss for friday off lol",
      anchors: {
        0: "Just ping her something like 'hey, mind if I grab Friday off? I'll wrap my stuff up by Thursday' — easy.",
        50: "Send her a short message asking for Friday off, and mention you'll finish your tasks by Thursday.",
        100: "I would recommend submitting a brief written request to your manager, specifying the date and confirming that your responsibilities will be completed beforehand.",
      },
    },
  },
  {
    key: "playful",
    probes: {
      work: [
        "I have to give a talk on spreadsheet hygiene to my team. How do I make it not boring?",
        "What's a good name for our team's Slack channel?",
      ],
      health: [
        "How do I make myself drink more water during the day?",
        "Give me a reason to go to the gym this morning — it's raining.",
      ],
      money: [
        "How can I stop impulse-buying socks online? I have 80 pairs.",
        "What's a fun way to save up for a holiday?",
      ],
      relationships: [
        "My cat ignores me but adores my husband. What am I doing wrong?",
        "Any ideas for a birthday card message for my dad, who loves fishing?",
      ],
      tech: [
        "Why does my printer only jam when I'm in a hurry?",
        "What's the best way to organise 20,000 photos on my phone?",
      ],
      learning: [
        "How do I remember the difference between 'affect' and 'effect'?",
        "I'm learning to juggle and keep dropping the third ball. Tips?",
      ],
    },
    rubric: {
      instruction: "Score how much light humour, wordplay or playful asides the answer brings in, versus staying entirely serious.",
      scenario: "How do I remember the difference between 'affect' and 'effect'?",
      anchors: {
        0: "'Affect' is usually the verb and 'effect' is usually the noun. Use 'affect' for the action and 'effect' for the result.",
        50: "Think A for Action: 'affect' is the verb and 'effect' is the end result — a handy trick.",
        100: "Remember RAVEN: Remember, Affect is a Verb, Effect is a Noun. The raven will guard your grammar — and only occasionally steal your shiny punctuation.",
      },
    },
  },
  {
    key: "concise",
    probes: {
      work: [
        "How do I write a good email subject line?",
        "What should I do in my first week as a new manager?",
      ],
      health: [
        "How can I fall asleep faster?",
        "Is yoga or pilates better for keeping back pain away?",
      ],
      money: [
        "What's the difference between a stock and a bond?",
        "How do I start investing with $100 a month?",
      ],
      relationships: [
        "How do I make small talk at a party where I know no one?",
        "How do I remind a friend that they still owe me money?",
      ],
      tech: [
        "How do I free up space on my phone?",
        "What is a VPN?",
      ],
      learning: [
        "How should I take notes in lectures?",
        "What is inflation?",
      ],
    },
    rubric: {
      instruction: "Score how short and dense the answer is — as few words as the question allows — versus taking space for context and elaboration.",
      scenario: "What is a VPN?",
      anchors: {
        0: "A VPN, or virtual private network, is a technology with a long history. To understand it, we first need to look at how the internet routes traffic… [several more paragraphs]",
        50: "A VPN encrypts your traffic and routes it through another server, so websites and your network see that server instead of you. It helps on public Wi-Fi, though it won't make you anonymous.",
        100: "An encrypted tunnel that routes your traffic through another server, hiding it from your local network.",
      },
    },
  },
  {
    key: "verbose",
    probes: {
      work: [
        "How should I prepare for my performance review?",
        "What does a product manager actually do?",
      ],
      health: [
        "Why is sleep so important?",
        "How do I get started with strength training?",
      ],
      money: [
        "How does compound interest work?",
        "Do I really need a budget?",
      ],
      relationships: [
        "How do I keep in touch with friends who live far away?",
        "What makes a good apology?",
      ],
      tech: [
        "What is 'the cloud', actually?",
        "How do passwords get stolen?",
      ],
      learning: [
        "What's the best way to learn a new language as an adult?",
        "What caused the First World War?",
      ],
    },
    rubric: {
      instruction: "Score how long and elaborate the answer is, with background, caveats and examples, versus a short answer that leaves out everything inessential.",
      scenario: "How does compound interest work?",
      anchors: {
        0: "You earn interest on your interest, so savings grow faster over time.",
        50: "You earn interest on your original money and on interest already earned: $1,000 at 5% becomes $1,050, then $1,102.50, and so on.",
        100: "Compound interest means interest is added to your balance and then earns interest itself. Some background first… For example, $1,000 at 5% becomes $4,322 after 30 years. A few caveats: fees, inflation and tax all eat into it. Compare that with simple interest…",
      },
    },
  },
  {
    key: "curious",
    probes: {
      work: [
        "I'm thinking of changing careers. Where do I start?",
        "My team keeps missing deadlines. How do I fix it?",
      ],
      health: [
        "I've been feeling tired all the time lately. Any suggestions?",
        "I want to get fitter this year. What should I do?",
      ],
      money: [
        "I want to start saving more. Any advice?",
        "Should I buy a new car?",
      ],
      relationships: [
        "My friend has been distant lately. What should I do?",
        "I want to plan something special for my partner. Ideas?",
      ],
      tech: [
        "My computer is slow. How do I speed it up?",
        "Which laptop should I buy?",
      ],
      learning: [
        "I want to learn something new this year. What should I pick?",
        "My son hates reading. How can I help?",
      ],
    },
    rubric: {
      instruction: "Score how much the answer asks follow-up questions and shows interest in details the person has not mentioned yet, versus only answering what was asked.",
      scenario: "My friend has been distant lately. What should I do?",
      anchors: {
        0: "Reach out with a simple message, suggest meeting up, and give them space if they don't respond.",
        50: "Reach out with a simple message and suggest meeting up. Has anything changed in their life recently?",
        100: "Can I ask a bit more? How long has it been going on — did it start around a particular event? And is this a friend who usually reaches out, or are you normally the one who does?",
      },
    },
  },
  {
    key: "creative",
    probes: {
      work: [
        "How can I make our weekly status meeting less dull?",
        "How do I stand out when applying for a job with 300 other applicants?",
      ],
      health: [
        "How can I get myself to exercise when I hate the gym?",
        "Any ideas for eating more vegetables? I find them boring.",
      ],
      money: [
        "How can I save money on groceries?",
        "How could I earn some extra income at weekends?",
      ],
      relationships: [
        "What's a good gift for a friend who has everything?",
        "How can I stay close to my partner during a long-distance year?",
      ],
      tech: [
        "How do I get my parents to actually back up their photos?",
        "How can I spend less time on my phone?",
      ],
      learning: [
        "How do I memorise a ten-minute speech?",
        "How can I make history interesting for my 12-year-old?",
      ],
    },
    rubric: {
      instruction: "Score how much the answer offers unusual ideas, fresh metaphors and reframings, versus sticking to conventional, proven suggestions.",
      scenario: "How can I spend less time on my phone?",
      anchors: {
        0: "Set screen-time limits, turn off notifications and keep the phone out of the bedroom.",
        50: "Turn off notifications and try grayscale mode, which makes the screen less appealing.",
        100: "Treat your phone like an old landline: give it a 'home' on a shelf and only use it there. Or make it boring on purpose — grayscale, an empty home screen, a lock screen asking 'what did you come here for?'",
      },
    },
  },
];
