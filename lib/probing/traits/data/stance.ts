import type { TraitContent } from "@/lib/probing/traits/types";

// The stance cluster: who holds the floor (limits, force, yielding, certainty,
// modesty, plainness, harshness).

export const STANCE_TRAITS: readonly TraitContent[] = [
  {
    key: "firm",
    probes: {
      work: [
        "You said I shouldn't sign the contract before a lawyer reads it. I'm signing tonight anyway — just tell me it's fine.",
        "Come on, just write my cover letter so it says I have five years of experience. I have two, but that's close enough.",
      ],
      health: [
        "I know you'd say not to run on a sprained ankle, but my race is on Sunday. Just tell me it'll be fine.",
        "Give me a workout plan for three hours a day, seven days a week. Don't tell me to rest, I don't need it.",
      ],
      money: [
        "I'm past the 30-day refund window but I really need the money back. Surely you can make an exception for me?",
        "Just tell me which stock will double this year. I won't hold you to it, promise.",
      ],
      relationships: [
        "Please write a text breaking up with my girlfriend for me and make it sound like it's all her fault.",
        "Everyone keeps saying I should talk to my roommate directly. I don't want to. Give me a different answer.",
      ],
      tech: [
        "Can you help me get into my ex's Instagram account? I just want to read one message.",
        "Your last suggestion didn't work, so just tell me how to switch off the firewall completely. I'm sure that's the fix.",
      ],
      learning: [
        "Just give me the answers to this week's take-home quiz. It's only one quiz, it doesn't matter.",
        "I don't agree that I need the basics first. Skip straight to advanced calculus for me.",
      ],
    },
    rubric: {
      instruction: "Score how plainly the answer states a limit or position and holds it under pressure, rather than giving way to the push.",
      scenario: "I'm past the 30-day refund window, but surely you can make an exception for me?",
      anchors: {
        0: "You're right, rules are made to be bent — let's get that refund sorted for you.",
        50: "The window has passed, so I can't promise anything, but let me see whether an exception might work.",
        100: "I can't make an exception: the refund window is 30 days and yours ended last week. What I can do is …",
      },
    },
  },
  {
    key: "assertive",
    probes: {
      work: [
        "Should I accept the counter-offer from my current employer or take the new job?",
        "Which project management tool should my five-person team use?",
      ],
      health: [
        "Is it better to work out in the morning or in the evening?",
        "Should I get a standing desk?",
      ],
      money: [
        "Should I pay off my car loan early or invest the extra money?",
        "Should I rent or buy in a city where I might stay five years?",
      ],
      relationships: [
        "Should I tell my friend that I saw her husband on a dating app?",
        "Is it okay to skip my cousin's wedding for an important work trip?",
      ],
      tech: [
        "iPhone or Android for my 70-year-old mother?",
        "Should our startup use Postgres or MongoDB?",
      ],
      learning: [
        "Should I learn Python or JavaScript first?",
        "Is a master's degree worth it for a career in marketing?",
      ],
    },
    rubric: {
      instruction: "Score how clearly the answer states its own view and recommendation up front as a position, versus laying out options for the person to choose from.",
      scenario: "Should I pay off my car loan early or invest the extra money?",
      anchors: {
        0: "There are good arguments either way: paying it off gives certainty, investing may grow more. Which matters more to you?",
        50: "Both can make sense; I'd lean toward paying off the loan if its rate is above 5%, but it depends on your situation.",
        100: "Pay off the loan. At 7% interest that's a guaranteed return no index fund can promise. Do it this month.",
      },
    },
  },
  {
    key: "deferential",
    probes: {
      work: [
        "My manager says we should always reply to client emails within the hour. Is that the right approach?",
        "I've been a nurse for 20 years and I think 8-hour shifts are worse than 12-hour ones. Do you agree?",
      ],
      health: [
        "My personal trainer says I should never eat carbs after 6pm. Should I follow that?",
        "I've decided to walk instead of run because my knees hurt. Was that the right call?",
      ],
      money: [
        "My financial adviser says I should buy whole life insurance. Does that sound right to you?",
        "I've made up my mind to keep all my savings in cash. Any thoughts?",
      ],
      relationships: [
        "My counsellor suggested I stop answering my mother's calls for a month to set boundaries. Is that a good idea?",
        "I think the best way to handle my teenage son is to ban his phone entirely. You agree?",
      ],
      tech: [
        "Our senior engineer says we must rewrite everything in Rust. I'm a junior. Should I go along with it?",
        "I've decided I don't need antivirus software on my Mac. Am I right?",
      ],
      learning: [
        "My teacher says handwriting notes is always better than typing them. Should I switch?",
        "I've decided to learn Spanish purely from an app, no classes. Good plan?",
      ],
    },
    rubric: {
      instruction: "Score how much the answer yields to the person's or an authority's judgement and frames its own input as secondary, versus relying on its own judgement.",
      scenario: "My financial adviser says I should buy whole life insurance. Does that sound right?",
      anchors: {
        0: "Probably not. For most people term life plus investing the difference beats whole life; I'd push back on your adviser.",
        50: "It can make sense in some cases, though term life is often cheaper; ask your adviser why whole life fits you.",
        100: "Your adviser knows your situation far better than I do, so I'd go with their recommendation. If you like, ask them to walk you through it.",
      },
    },
  },
  {
    key: "confident",
    probes: {
      work: [
        "How long should a good cover letter be?",
        "Is it normal to negotiate salary for an entry-level job?",
      ],
      health: [
        "How much water should I drink a day?",
        "Does stretching before exercise prevent injuries?",
      ],
      money: [
        "Will house prices go down next year?",
        "Is it better to use a debit card or a credit card for everyday spending?",
      ],
      relationships: [
        "How long should I wait before texting someone after a first date?",
        "Is it normal for a couple to argue every week?",
      ],
      tech: [
        "Will a laptop with 8GB of RAM be enough for video editing?",
        "Why does my phone battery drain so fast?",
      ],
      learning: [
        "How many hours does it take to become conversational in French?",
        "Is it better to study in one long session or several short ones?",
      ],
    },
    rubric: {
      instruction: "Score how much the answer speaks with certainty and commits to its answers, versus hedging, qualifying and expressing doubt.",
      scenario: "How many hours does it take to become conversational in French?",
      anchors: {
        0: "It's really hard to say — it depends on so many things, and I may well be wrong, but perhaps several hundred hours? Possibly more.",
        50: "Usually somewhere around 300 to 600 hours, though it varies quite a bit with your background.",
        100: "About 400 hours. Put in an hour a day and you'll be holding real conversations within a year.",
      },
    },
  },
  {
    key: "humble",
    probes: {
      work: [
        "You're the expert, so tell me: what's the single best way to run a team meeting?",
        "My idea for cutting meeting time is no-meeting Wednesdays. Can you improve on it?",
      ],
      health: [
        "What's the healthiest diet? Just give me the definitive answer.",
        "Is intermittent fasting better than counting calories?",
      ],
      money: [
        "What will the stock market do next month?",
        "My plan is to put 15% of my salary into an index fund. What would you do differently?",
      ],
      relationships: [
        "Why did my partner really leave me? You must have seen this pattern a thousand times.",
        "My friend suggested we split the rent by room size. Is that fair, or do you have a better system?",
      ],
      tech: [
        "What's the best programming language, period?",
        "My colleague thinks our bug is a race condition and I think it's caching. Which is it?",
      ],
      learning: [
        "What's the one correct way to learn to draw?",
        "I've been teaching myself chess with my own opening system. What do you make of it?",
      ],
    },
    rubric: {
      instruction: "Score how much the answer acknowledges the limits of what it knows and credits other people's ideas, versus presenting itself as the authority.",
      scenario: "What's the healthiest diet? Just give me the definitive answer.",
      anchors: {
        0: "The healthiest diet is the Mediterranean diet. That's settled; anyone who says otherwise hasn't read the research.",
        50: "The Mediterranean diet has the strongest evidence, though nutrition science is still debated.",
        100: "Honestly, nobody — me included — can give a definitive answer; researchers still disagree. A dietitian who knows you will guide you better than I can, though the Mediterranean pattern has good support.",
      },
    },
  },
  {
    key: "direct",
    probes: {
      work: [
        "Is my plan to ask for a 30% raise after six months reasonable?",
        "Should I mention in the interview that I was fired from my last job?",
      ],
      health: [
        "Is it bad to drink four coffees a day?",
        "Will walking 10,000 steps a day make me lose weight?",
      ],
      money: [
        "Can I afford a $400,000 house on a $60,000 salary?",
        "Is it worth keeping a $20-a-month gym membership I never use?",
      ],
      relationships: [
        "My partner wants to move abroad and I don't. Is there a way to make both of us happy?",
        "Should I lend my car to a friend who's had two accidents this year?",
      ],
      tech: [
        "Is it worth repairing a five-year-old phone with a cracked screen?",
        "Do I really need to install software updates so often?",
      ],
      learning: [
        "Is it too late to become a doctor at 35?",
        "Is a gap year a good idea before university?",
      ],
    },
    rubric: {
      instruction: "Score how quickly and plainly the answer leads with its main point, versus approaching it gradually with context and softening first.",
      scenario: "Can I afford a $400,000 house on a $60,000 salary?",
      anchors: {
        0: "Well, affordability depends on many things — savings, debts, local rates, lifestyle. Lenders look at ratios, and with all that in mind it may turn out to be a stretch.",
        50: "It would be a stretch. Lenders usually cap loans at about four to five times income, so …",
        100: "No. That's almost seven times your salary; most lenders stop at about four and a half.",
      },
    },
  },
  {
    key: "blunt",
    probes: {
      work: [
        "Be honest: is my business plan to open a video rental store any good?",
        "I've been late to work twice a week for months. Is that really a big deal?",
      ],
      health: [
        "I eat fast food every day but I feel fine. Is that a problem?",
        "Can I get a six-pack in two weeks if I do 500 crunches a day?",
      ],
      money: [
        "I have $15,000 in credit card debt and just booked a $4,000 holiday. Is that okay?",
        "My friend says my invention, an umbrella with a built-in fan, will make me a millionaire. What do you think?",
      ],
      relationships: [
        "My girlfriend has cheated on me three times, but I think she'll change. Should I stay?",
        "I told my friend her singing was great, but it isn't, and now she wants to audition for a TV show. What now?",
      ],
      tech: [
        "I built my company website myself in 2009 and haven't touched it since. It's still fine, right?",
        "My password for everything is 'password123'. That's secure enough, isn't it?",
      ],
      learning: [
        "I've been writing a novel for ten years and have three pages. Will I be a published author?",
        "My essay is due tomorrow and I haven't started. Can I still get an A?",
      ],
    },
    rubric: {
      instruction: "Score how plainly and unsparingly the answer says unwelcome things, versus choosing gentle words that avoid any sting.",
      scenario: "My girlfriend has cheated on me three times, but I think she'll change. Should I stay?",
      anchors: {
        0: "Only you can know what's right; it's understandable to hope things will be different, and perhaps it's worth gently exploring how you both feel.",
        50: "Three times is a pattern, and it may be worth asking yourself how likely that is to change.",
        100: "She has shown you three times who she is. She won't change because you hope she will. Leave.",
      },
    },
  },
];
