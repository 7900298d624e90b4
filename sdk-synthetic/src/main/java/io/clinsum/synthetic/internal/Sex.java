package io.clinsum.synthetic.internal;

/** Sex of a synthetic patient, with the words notes use for it. */
enum Sex {
  FEMALE("female", "F", "woman", "girl", "she", "her", "Mum", "daughter", "wife"),
  MALE("male", "M", "man", "boy", "he", "his", "Dad", "son", "husband");

  final String label;
  final String letter;
  final String adult;
  final String child;
  final String subject;
  final String possessive;
  final String asParent;
  final String asChild;
  final String asSpouse;

  Sex(
      String label,
      String letter,
      String adult,
      String child,
      String subject,
      String possessive,
      String asParent,
      String asChild,
      String asSpouse) {
    this.label = label;
    this.letter = letter;
    this.adult = adult;
    this.child = child;
    this.subject = subject;
    this.possessive = possessive;
    this.asParent = asParent;
    this.asChild = asChild;
    this.asSpouse = asSpouse;
  }
}
