package io.clinsum.synthetic.internal;

/** Pertinent negatives that many scenarios share, each in the wordings charts use. */
final class Negatives {
  static final String FEVER = "{no fever|afebrile|denies fevers}";
  static final String SOB = "{denies SOB|no SOB|denies shortness of breath}";
  static final String CHEST_PAIN = "{denies chest pain|no CP|no chest pain}";
  static final String LOC = "{no LOC|denies LOC|no loss of consciousness}";
  static final String HEADACHE = "{denies headache|no headache}";
  static final String VOMITING = "{no vomiting|denies vomiting}";
  static final String DIARRHOEA = "{no diarrhoea|denies diarrhea}";
  static final String DYSURIA = "{denies dysuria|no urinary symptoms}";
  static final String COUGH = "{no cough|denies cough}";
  static final String CALF = "{no calf pain|no leg swelling}";
  static final String HEAD_STRIKE = "{did not hit head|no head strike}";
  static final String SYNCOPE = "{no syncope|denies syncope}";
  static final String PALPITATIONS = "{denies palpitations|no palpitations}";
  static final String PV_BLEEDING = "{no vaginal bleeding|no PV bleeding}";
  static final String RASH = "{no rash|no petechiae}";
  static final String HAEMOPTYSIS = "{no haemoptysis|denies hemoptysis}";

  private Negatives() {}
}
