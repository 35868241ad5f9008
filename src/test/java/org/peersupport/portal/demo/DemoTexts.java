package org.peersupport.portal.demo;

/**
 * The words the demo story's people write: fictional essays, portfolios, feedback and concerns, in the voice of the
 * course (first person, plain English, about recovery and peer support). None of it is about a real person.
 */
final class DemoTexts {

    static final String LEAH_CONCERN = "Leah's essay describes a recent period of not sleeping and feeling overwhelmed "
            + "at work. She says she is coping, but I would like the safeguarding lead to be aware and to check that "
            + "the right support is offered.";
    static final String LEAH_OUTCOME = "Spoke with Leah and, with her agreement, her line manager. A wellness recovery "
            + "action plan is in place and she knows how to reach occupational health. No further action needed.";
    static final String DYLAN_CONCERN = "In his essay Dylan writes that he has stopped going to his own appointments "
            + "since his support worker left. He may be without support at the moment; please could someone check in "
            + "with him this week.";
    static final String RUTH_REVISION = "<h3>Peer support and the recovery approach</h3><p>What connects the two for "
            + "me is mutuality. The recovery approach says that hope has to be held by someone before it can be felt, "
            + "and in my story that someone was a peer who had been where I was. When I support people now I try to "
            + "hold hope in the same way, without telling them what their recovery should look like.</p>";
    static final String PRIYA_REVISION = "<h3>What I would do differently</h3><p>Tom asked me to say more about how my "
            + "story fits the CHIME framework. Looking back, connectedness came first for me: the volunteer group gave "
            + "me people to belong to before I had any hope of my own. Meaning came much later, when I realised my "
            + "experience could be useful to someone else.</p>";

    private DemoTexts() {
    }

    static String essay(DemoCast person) {
        String name = person.name().charAt(0) + person.name().substring(1).toLowerCase();
        return switch (person) {
            case LEAH -> "<p>When I was first unwell I thought recovery meant getting back to exactly who I was before. "
                    + "It took me a long time to see that recovery could mean building a life that works now, with the "
                    + "experience as part of it.</p><p>The turning point was a peer support group at the Recovery "
                    + "College. Nobody there tried to fix me. They listened, and they shared what had helped them.</p>";
            case RUTH -> "<p>My recovery story starts with a diagnosis I did not agree with and a long time of feeling "
                    + "that my life was decided by other people. What changed things was being asked, for the first "
                    + "time, what I wanted.</p><p>I now think of recovery as personal and not a straight line: I still "
                    + "have difficult weeks, and I know what to do when they come.</p>";
            case AISHA -> "<p>Recovery for me has been about getting my voice back. For years I was described in "
                    + "letters about me that I never saw. Writing my own plan, in my own words, was the start.</p>"
                    + "<p>Peer support showed me that my experience is knowledge, not just a history.</p>";
            case ELLEN -> "<p>I came to peer support after years of working in care without telling anyone about my "
                    + "own mental health. This course is the first place I have written about it.</p><p>The recovery "
                    + "approach helped me see that hope, control and opportunity are things services can support or "
                    + "take away, and that peers can model all three.</p>";
            case KOFI -> "<p>My recovery has been shaped by my family and my church as much as by services. For a long "
                    + "time I kept those worlds apart.</p><p>Becoming a peer supporter meant learning to bring my whole "
                    + "story, including my faith, into a relationship of equals.</p>";
            case SAMUEL -> "<p>I started this course last year and had to stop halfway. Coming back to it now, I can "
                    + "see that stopping was part of my recovery, not a failure of it.</p><p>Peer support, for me, is "
                    + "about showing that setbacks are survivable and that nobody has to go through them alone.</p>";
            case PRIYA -> "<p>I volunteer with a peer network because of what peers did for me when I was at my "
                    + "lowest. Recovery, for me, has meant finding people who understood without needing it "
                    + "explained.</p><p>In this essay I describe the steps of my recovery and how they shaped the kind "
                    + "of peer supporter I want to be.</p>";
            case DYLAN -> "<p>Writing this has been harder than I expected. My recovery has had long good stretches "
                    + "and a few very hard months, and I am in one of the harder times now.</p><p>What keeps me going "
                    + "is the peer relationship: being alongside someone, sharing power, and being honest about what "
                    + "has and has not worked for me.</p>";
            default -> "<p>" + name + "'s recovery story.</p>";
        };
    }

    static String portfolio(DemoCast person) {
        return "<h3>An account of my practice</h3><p>Over eight weeks I supported a person on the ward to prepare for "
                + "discharge. I used what I learnt about the peer relationship to agree together what support they "
                + "wanted, and about boundaries to be clear what I could and could not offer.</p><p>I drew on the "
                + "reading about positive risk taking when they chose to go to a community group alone, and I "
                + "reflected with my supervisor after each meeting.</p><p>References: Mead, Hilton and Curtis (2001); "
                + "the course's glossary and session notes.</p>";
    }

    static String referral(DemoCast person) {
        return person == DemoCast.PRIYA
                ? "Thank you, Priya: your story is powerful and clearly told. To meet the requirements, connect it to "
                        + "the recovery approach (for example CHIME) and say more about the role of peer support in it."
                : "A strong, honest piece. One requirement is not met yet: explain how peer support relates to the "
                        + "recovery approach in your own story. A paragraph would be enough.";
    }

    static String signOffFeedback(DemoCast person) {
        return "A thoughtful essay that links your own recovery to the recovery approach with care. Well done.";
    }

    static String portfolioFeedback(DemoCast person) {
        return "Your account shows the knowledge behind your practice clearly, with good use of the reading. Signed off.";
    }

    static String notYetMet(String requirement) {
        return "Not yet met (" + requirement + "): see the overall feedback.";
    }
}
