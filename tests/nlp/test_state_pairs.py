"""A participant the text gives no country of takes the state a relationship phrase leaves
(invented texts, real pipeline)."""


def countries(result):
    return [[(p.name, p.country) for p in e.participants] for e in result.events]


def test_the_state_a_bilateral_phrase_leaves_goes_to_the_participant_without_one(extract):
    text = ("date 2022-08-04 Prime Minister Olav Haugen met Kenyan President Peter Otieno in Nairobi on Wednesday. "
            "The two leaders said relations between Norway and Kenya had never been closer.\n")
    assert countries(extract(text)) == [[("Olav Haugen", "NO"), ("Peter Otieno", "KE")]]


def test_three_states_named_together_give_the_third_to_the_host(extract):
    text = ("date 2022-08-04 Foreign Minister Aino Lahti hosted her counterparts Mart Kask of Estonia and Ilze "
            "Berzina of Latvia in Helsinki on Wednesday for a trilateral meeting. Cooperation between Finland, "
            "Estonia and Latvia on energy was the main subject.\n")
    assert [sorted(c) for c in countries(extract(text))] == [
        [("Aino Lahti", "FI"), ("Ilze Berzina", "LV"), ("Mart Kask", "EE")]]


def test_states_named_together_without_a_relationship_give_nothing(extract):
    text = ("date 2022-08-04 Prime Minister Olav Haugen spoke by phone with Kenyan President Peter Otieno on "
            "Wednesday about the drought along the Kenya-Ethiopia border.\n")
    assert countries(extract(text)) == [[("Olav Haugen", None), ("Peter Otieno", "KE")]]


def test_two_relationships_that_disagree_give_nothing(extract):
    text = ("date 2022-08-04 Prime Minister Olav Haugen met Kenyan President Peter Otieno in Nairobi on Wednesday. "
            "Ties between Norway and Kenya grew, as did ties between Kenya and Sweden.\n")
    assert countries(extract(text)) == [[("Olav Haugen", None), ("Peter Otieno", "KE")]]
