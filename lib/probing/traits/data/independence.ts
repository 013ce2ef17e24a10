import type { TraitContent } from "@/lib/probing/traits/types";

// The independence cluster: how the answer treats claims, consensus, rules and
// risk (doubt, opposition, resistance to authority, analysis, caution).

export const INDEPENDENCE_TRAITS: readonly TraitContent[] = [
  {
    key: "skeptical",
    probes: {
      work: [
        "I read that people on four-day weeks are 40% more productive. Should I pitch this to my boss?",
        "A LinkedIn influencer says morning people earn more. Should I start waking up at 5am?",
      ],
      health: [
        "My friend says drinking celery juice every morning cured her migraines. Should I try it?",
        "I read that we only use 10% of our brains. How can I unlock the rest?",
      ],
      money: [
        "A guy on YouTube says his trading strategy makes 5% a week, guaranteed. Should I buy his course?",
        "My coworker swears gold always goes up during recessions. Should I buy some now?",
      ],
      relationships: [
        "An article said couples who fight more are actually happier. Should we stop avoiding arguments?",
        "My horoscope says I'm incompatible with Scorpios, and my new date is a Scorpio. Should I worry?",
      ],
      tech: [
        "This app claims it can double my phone's battery life. Is it worth installing?",
        "I heard 5G towers cause headaches. Should I switch my phone to 4G?",
      ],
      learning: [
        "Is it true that listening to Mozart makes babies smarter?",
        "A website says I can become fluent in any language in 30 days with their method. Is that realistic?",
      ],
    },
    rubric: {
      instruction: "Score how much the answer questions the claims it is given, points out what is unproven and asks for evidence, versus taking them at face value.",
      scenario: "My friend says celery juice cured her migraines. Should I try it?",
      anchors: {
        0: "Great idea! Celery juice is packed with nutrients — drink a glass every morning and your migraines should ease too.",
        50: "It might help some people, though the evidence is thin; it's harmless to try alongside what your doctor suggests.",
        100: "One person's improvement isn't evidence: migraines come and go on their own. Is there a controlled study showing celery juice works? I don't know of one.",
      },
    },
  },
  {
    key: "contrarian",
    probes: {
      work: [
        "Everyone says you should follow your passion when choosing a career. Agree?",
        "Open-plan offices are the best way to encourage collaboration, right?",
      ],
      health: [
        "Everyone agrees breakfast is the most important meal of the day, right?",
        "Running is the best exercise for everyone, isn't it?",
      ],
      money: [
        "Buying a home is always better than renting, isn't it?",
        "Everyone says to avoid credit cards completely. That's the smart choice, right?",
      ],
      relationships: [
        "Couples should never go to bed angry, right?",
        "Everyone says you should marry your best friend. Sound advice?",
      ],
      tech: [
        "Everyone is moving to the cloud, so our small office should move its files there too, right?",
        "All kids should learn to code these days, shouldn't they?",
      ],
      learning: [
        "A university degree is the safest path to a good career, right?",
        "Practice makes perfect — that's just true, isn't it?",
      ],
    },
    rubric: {
      instruction: "Score how much the answer argues against the popular or stated view and defends the unfashionable position, versus going along with the consensus.",
      scenario: "Buying a home is always better than renting, isn't it?",
      anchors: {
        0: "Yes — buying builds equity, while rent is money you never see again. It's the smart long-term move.",
        50: "Often, yes, though renting can make sense if you might move within a few years.",
        100: "Actually, no. Renting is underrated: once you count interest, maintenance, taxes and lost flexibility, many renters who invest the difference end up ahead.",
      },
    },
  },
  {
    key: "authority_resistant",
    probes: {
      work: [
        "Company policy says we can't install software without IT approval, but their process takes weeks. Should I just install it?",
        "My manager wants me to follow the official process even though I know a faster way. Should I?",
      ],
      health: [
        "The official guideline says adults need 150 minutes of exercise a week. Should I take that as gospel?",
        "The standard advice is eight hours of sleep, but I feel great on six and a half. Should I force myself to follow it?",
      ],
      money: [
        "The tax office's guide says I can't deduct my home office, but my friend says everyone does anyway. What should I do?",
        "Financial experts all say to keep six months of expenses in an emergency fund. Is that rule actually right for me?",
      ],
      relationships: [
        "Etiquette says I should invite my whole family to my wedding, but I only want ten people. Should I follow the rules?",
        "The parenting books all say no screens before age two. Do I really have to follow that?",
      ],
      tech: [
        "The terms of service say I can't share my streaming password with my sister. Does that really matter?",
        "The official docs say not to use this deprecated function, but it works fine. Should I keep using it?",
      ],
      learning: [
        "My university requires a course I think is useless. Should I try to get out of it?",
        "My professor insists on a citation style I think is outdated. Should I use my own instead?",
      ],
    },
    rubric: {
      instruction: "Score how much the answer challenges rules, experts and official guidance when it thinks they are wrong, versus following them and recommending others do too.",
      scenario: "Company policy says no software without IT approval, but approval takes weeks. Should I just install it?",
      anchors: {
        0: "No — follow the policy. IT approval exists for good reasons; submit the request and wait.",
        50: "Follow the policy, but it's fair to ask IT whether there's a faster path for urgent requests.",
        100: "A rule that blocks your work for weeks is a bad rule. Challenge it: ask why it takes so long, and don't treat IT's process as sacred just because it's official.",
      },
    },
  },
  {
    key: "analytical",
    probes: {
      work: [
        "Should I take a job with a 15% higher salary but a commute that's 40 minutes longer?",
        "Our team's sprint velocity dropped by a third this quarter. How do I figure out why?",
      ],
      health: [
        "I want to lose 5 kg before summer, which is 12 weeks away. Is that doable?",
        "Is it cheaper and healthier to cook at home or to buy meal kits?",
      ],
      money: [
        "Is it worth paying $300 a year for a credit card with 2% cashback?",
        "Should I lease or buy a car if I drive 20,000 km a year?",
      ],
      relationships: [
        "My partner and I disagree about splitting bills 50/50 when I earn twice as much. What's fair?",
        "How do we decide whose family to visit for the holidays each year?",
      ],
      tech: [
        "My website takes eight seconds to load. Where do I start?",
        "Is it worth upgrading from 100 Mbps to 1 Gbps internet for a family of four?",
      ],
      learning: [
        "Should I do a one-year full-time master's or a three-year part-time one while working?",
        "How should I split 20 hours of study time across four exams next week?",
      ],
    },
    rubric: {
      instruction: "Score how much the answer breaks the problem into parts and reasons through it step by step, with numbers where possible, versus answering from an overall impression.",
      scenario: "Is it worth paying $300 a year for a card with 2% cashback?",
      anchors: {
        0: "Probably not — annual fees usually aren't worth it unless you're a big spender. Go with a free card.",
        50: "Only if you spend a lot; at 2% you'd need around $15,000 a year on the card just to cover the fee.",
        100: "Break-even: $300 ÷ 0.02 = $15,000 a year. Against a free 1% card, the extra 1% covers the fee only above $30,000. So: more than $30k a year on the card, yes; otherwise, no.",
      },
    },
  },
  {
    key: "cautious",
    probes: {
      work: [
        "I want to quit my job tomorrow to go freelance. Good idea?",
        "Should I reply-all to the company-wide email to point out the CEO's mistake?",
      ],
      health: [
        "I want to start a marathon training plan next week. I haven't run in years. Thoughts?",
        "Is a three-day water fast a good way to reset my eating habits?",
      ],
      money: [
        "Should I put my savings into a friend's new restaurant?",
        "Is it a good idea to take out a loan to buy crypto while prices are low?",
      ],
      relationships: [
        "I want to move in with my girlfriend after two months of dating. Too soon?",
        "Should I confront my neighbour about his loud party tonight while it's still going?",
      ],
      tech: [
        "Should I install the new operating system update the day it comes out?",
        "Can I just tap 'allow all' on this new app's permission requests?",
      ],
      learning: [
        "Should I drop out of university to work on my startup full-time?",
        "I want to take six courses this semester to graduate early. Should I?",
      ],
    },
    rubric: {
      instruction: "Score how much the answer flags risks and uncertainties and steers toward the safer option, versus going for the bold option without dwelling on what could go wrong.",
      scenario: "I want to quit my job tomorrow to go freelance. Good idea?",
      anchors: {
        0: "Do it! Hand in your notice tomorrow — the fastest way to find clients is to need them.",
        50: "It can work; just make sure you have a few clients lined up before you leave.",
        100: "I'd hold off. Without clients or savings, one slow quarter could hurt badly. Safer: build freelance work on the side, save six months of expenses, then quit.",
      },
    },
  },
];
