// The ICANN SSR2 Review Team brainstorm, ICANN58 Copenhagen, 15 March 2017 (see docs/exercise.md).
import type { DocumentDefaults, Template } from './Template.ts';

// The slides' fact sheet quotes Section 4.6(c)(i) word for word; the text of (ii) to (iv) is not in the slides.
const BYLAWS_NOTE =
  'Section 4.6(c)(i) is quoted as the SSR2 fact sheet of 14 March 2017 gives it. The slides do not give the text of ' +
  'Section 4.6(c)(ii) to (iv): check those two paragraphs against the Bylaws before the document is sent.';

/** What the meeting material of 15 March 2017 states, for the Terms of Reference (see docs/exercise.md). */
const documentDefaults: DocumentDefaults = {
  documentTitle: 'SSR2 Review Team: Terms of Reference and Work Plan',
  reviewTeam: 'the SSR2 Review Team',
  mandate: [
    'ICANN Bylaws Section 4.6(c)(i): \u201cThe Board shall cause a periodic review of ICANN\u2019s execution of its ' +
      'commitment to enhance the operational stability, reliability, resiliency, security, and global interoperability ' +
      'of the systems and processes, both internal and external, that directly affect and/or are affected by the ' +
      'Internet\u2019s system of unique identifiers that ICANN coordinates (\u201cSSR Review\u201d).\u201d',
    'Under Section 4.6(c)(ii), the Review Team may assess (A) security, operational stability and resiliency matters, ' +
      'both physical and network, relating to the coordination of the Internet\u2019s system of unique identifiers; ' +
      '(B) conformance with appropriate security contingency planning framework for the Internet\u2019s system of ' +
      'unique identifiers; and (C) maintaining clear and globally interoperable security processes for those portions ' +
      'of the Internet\u2019s system of unique identifiers that ICANN coordinates.',
    'Under Section 4.6(c)(iii) and (iv), the Review Team shall also assess the extent to which ICANN has successfully ' +
      'implemented its security efforts, their effectiveness against actual and potential challenges and threats to ' +
      'the security and stability of the DNS, and whether they are sufficiently robust to meet future challenges and ' +
      'threats, consistent with ICANN\u2019s Mission; and the extent to which prior SSR Review recommendations have ' +
      'been implemented and have had the intended effect.',
  ],
  mandateNote: BYLAWS_NOTE,
  background: [
    'The Second Security, Stability, and Resiliency Review (SSR2) started on 2 March 2017 and is expected to be ' +
      'completed by 1 March 2018. The ICANN Board asked the Review Team for its Terms of Reference and a Work Plan ' +
      'by 30 March 2017.',
    'At its 2nd plenary meeting (ICANN58, Copenhagen, 15 March 2017) the Review Team brainstormed the questions it ' +
      'should address in each of the five areas of Bylaws Section 4.6(c), and how it will work together. This ' +
      'document carries that work forward.',
  ],
  reviewStart: '2017-03-02',
  expectedCompletion: '2018-03-01',
  boardDeadline: { date: '2017-03-30', label: 'Terms of Reference and Work Plan to the ICANN Board' },
  budget: [
    'USD 550,000 is set aside for the review, start to finish (regardless of fiscal years): professional services ' +
      'estimated at USD 200,000; travel and face-to-face meeting expenses estimated at USD 350,000, of which ' +
      'USD 95,000 is committed to ICANN58 and Madrid.',
  ],
  decisionRule:
    'The Review Team works by consensus, in line with ICANN\u2019s Expected Standards of Behavior (\u201cwork to ' +
    'build consensus with other stakeholders\u201d).',
  meetings: [
    { date: '2017-03-12', what: 'Public consultation (ICANN58, Copenhagen)' },
    { date: '2017-03-15', what: '2nd plenary meeting and Terms of Reference brainstorm (ICANN58, Copenhagen)' },
    { what: 'Conference calls: leadership selection, role of observers, development of the Terms of Reference' },
    { date: '2017-05-13', endDate: '2017-05-15', what: 'Face-to-face meeting, Madrid, with the ICANN DNS Symposium' },
  ],
  workSections: {
    'ex2-a1': 'decisionMaking',
    'ex2-a2': 'participation',
    'ex2-a3': 'meetings',
    'ex2-a4': 'reporting',
    'ex2-a5': 'workPlan',
  },
};

export const ssr2Copenhagen: Template = {
  id: 'ssr2-copenhagen',
  title: 'SSR2 Terms of Reference brainstorm (ICANN58 Copenhagen)',
  about:
    'Replays the ICANN SSR2 Review Team brainstorm of 15 March 2017: one question per sticky note for each of the ' +
    'five areas outlined in the Bylaws, then similar ideas grouped and discussed in rotating teams. The result feeds ' +
    'the Terms of Reference, due to the Board on 30 March 2017. The slides never name the five areas: this template ' +
    'reads them as the five clauses of Bylaws Section 4.6(c), (ii)(A)-(C), (iii) and (iv), which fits "the areas we ' +
    'shall and may evaluate"; the other reading the slides support, the five qualities of ICANN\'s commitment on the ' +
    '"Scope of SSR2 Review Team" slide, is offered as an alternative station set. The slides give Exercise 2 ten ' +
    'minutes of posting on two slides and fifteen on a third; the plan uses ten.',
  // The six cards of the "Ground Rules" slide, in its words.
  groundRules: [
    'One idea per post-it note',
    'Please print clearly',
    'Use a Sharpie pen',
    '>3 people per station',
    'Discuss, don\'t "debate"',
    'This is about ideas right now, not decisions',
  ],
  // ">3 people per station" means at least four.
  minTeamSize: 4,
  mandate:
    'ICANN Bylaws Section 4.6(c)(i), as the SSR2 fact sheet of 14 March 2017 gives it: "The Board shall cause a ' +
    "periodic review of ICANN's execution of its commitment to enhance the operational stability, reliability, " +
    'resiliency, security, and global interoperability of the systems and processes, both internal and external, ' +
    "that directly affect and/or are affected by the Internet's system of unique identifiers that ICANN coordinates " +
    '("SSR Review")."',
  stages: [
    {
      id: 'opening',
      title: 'Opening',
      description: 'Identify ideas. Copenhagen covered this stage (Exercises 1 and 2).',
    },
    {
      id: 'exploring',
      title: 'Exploring',
      description: 'Explore ideas. Copenhagen started this stage in the rotations.',
    },
    { id: 'closing', title: 'Closing', description: 'Align on decisions. Continues after ICANN58.' },
  ],
  deadline: { label: 'Terms of Reference and Work Plan to the ICANN Board', date: '2017-03-30' },
  documentDefaults,
  exercises: [
    {
      id: 'ex1',
      title: 'Exercise 1: the areas we shall and may evaluate',
      question:
        'For each of the five areas outlined in the Bylaws, what questions should we look to address during this review?',
      stage: 'opening',
      plan: { postMinutes: 15, groupMinutes: 5, rotateMinutes: 15, rotations: 2 },
      areas: [
        {
          id: 'ex1-a1',
          title: 'Security, stability and resiliency of the unique identifiers',
          reference: 'Bylaws 4.6(c)(ii)(A)',
          description:
            'Security, operational stability and resiliency matters, both physical and network, relating to the ' +
            'coordination of the Internet\u2019s system of unique identifiers.',
        },
        {
          id: 'ex1-a2',
          title: 'Security contingency planning',
          reference: 'Bylaws 4.6(c)(ii)(B)',
          description:
            'Conformance with appropriate security contingency planning framework for the Internet\u2019s system of ' +
            'unique identifiers.',
        },
        {
          id: 'ex1-a3',
          title: 'Clear, globally interoperable security processes',
          reference: 'Bylaws 4.6(c)(ii)(C)',
          description:
            'Maintaining clear and globally interoperable security processes for those portions of the Internet\u2019s ' +
            'system of unique identifiers that ICANN coordinates.',
        },
        {
          id: 'ex1-a4',
          title: 'ICANN\u2019s security efforts and future challenges',
          reference: 'Bylaws 4.6(c)(iii)',
          description:
            'The extent to which ICANN has successfully implemented its security efforts, the effectiveness of the ' +
            'security efforts to deal with actual and potential challenges and threats to the security and stability ' +
            'of the DNS, and the extent to which the security efforts are sufficiently robust to meet future ' +
            'challenges and threats to the security, stability and resiliency of the DNS, consistent with ICANN\u2019s ' +
            'Mission.',
        },
        {
          id: 'ex1-a5',
          title: 'Implementation of prior SSR review recommendations',
          reference: 'Bylaws 4.6(c)(iv)',
          description:
            'The extent to which prior SSR Review recommendations have been implemented and the extent to which ' +
            'implementation of such recommendations has resulted in the intended effect.',
        },
      ],
    },
    {
      id: 'ex2',
      title: 'Exercise 2: how we will work together',
      question: 'Explore our thoughts on the different aspects of how we will work together.',
      stage: 'opening',
      plan: { postMinutes: 10, groupMinutes: 5, rotateMinutes: 15, rotations: 2 },
      areas: [
        {
          id: 'ex2-a1',
          title: 'Leadership and decision-making',
          description: 'Chair or co-chairs; how the team reaches consensus.',
        },
        {
          id: 'ex2-a2',
          title: 'Observers and community input',
          description: 'Whether observers may speak, whether their written input is taken, closed sessions.',
        },
        {
          id: 'ex2-a3',
          title: 'Meetings and calendar',
          description: 'Weekly calls, rotating time slots, face-to-face meetings.',
        },
        {
          id: 'ex2-a4',
          title: 'Communication, transparency and reporting',
          description: 'How the team communicates, stays transparent and reports on its work.',
        },
        {
          id: 'ex2-a5',
          title: 'Work plan, budget and outside expertise',
          reference: 'Bylaws 4.6(a)(iv)',
          description: 'Work plan, budget, and independent experts.',
        },
      ],
    },
  ],
  stationSets: [
    {
      id: 'ex1-qualities',
      title: "The five qualities of ICANN's commitment",
      about:
        'The "Scope of SSR2 Review Team" slide lists what ICANN commits to enhance for the systems and processes that ' +
        "affect the Internet's unique identifiers; read as the five areas, they become these stations.",
      exerciseId: 'ex1',
      areas: [
        {
          id: 'ex1-q1',
          title: 'Operational stability',
          reference: 'Bylaws 4.6(c)(i)',
          description:
            "The operational stability of the systems and processes (internal and external) that affect the Internet's unique identifiers.",
        },
        {
          id: 'ex1-q2',
          title: 'Reliability',
          reference: 'Bylaws 4.6(c)(i)',
          description: 'The reliability of those systems and processes.',
        },
        {
          id: 'ex1-q3',
          title: 'Resiliency',
          reference: 'Bylaws 4.6(c)(i)',
          description: 'The resiliency of those systems and processes.',
        },
        {
          id: 'ex1-q4',
          title: 'Security',
          reference: 'Bylaws 4.6(c)(i)',
          description: 'The security of those systems and processes.',
        },
        {
          id: 'ex1-q5',
          title: 'Global interoperability',
          reference: 'Bylaws 4.6(c)(i)',
          description: 'The global interoperability of those systems and processes.',
        },
      ],
    },
  ],
};
