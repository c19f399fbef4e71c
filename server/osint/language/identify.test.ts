import { describe, expect, it } from 'vitest';
import { identifyLanguage } from './identify.ts';

const lang = (text: string, prior?: string) => identifyLanguage(text, { prior }).language;

describe('language identification', () => {
  it('tells the Latin-script languages apart', () => {
    expect(lang('Customs officers at the port seized two tonnes of cocaine hidden in a container of bananas.')).toBe('en');
    expect(lang('Les douaniers du port ont saisi deux tonnes de cocaïne cachées dans un conteneur de bananes.')).toBe('fr');
    expect(lang('Los agentes de aduanas del puerto incautaron dos toneladas de cocaína ocultas en un contenedor de plátanos.')).toBe('es');
    expect(lang('Os agentes da alfândega do porto apreenderam duas toneladas de cocaína escondidas num contentor de bananas.')).toBe('pt');
  });

  it('reads the script first: Cyrillic, Han, and Arabic, Persian or Urdu by their letters', () => {
    expect(lang('Таможенники изъяли две тонны кокаина в порту.')).toBe('ru');
    expect(lang('海关在港口查获两吨可卡因。')).toBe('zh');
    expect(lang('ضبطت الجمارك طنين من الكوكايين في الميناء.')).toBe('ar');
    expect(lang('گمرک دو تن کوکائین را در بندر کشف کرد.')).toBe('fa');
    expect(lang('کسٹمز حکام نے بندرگاہ پر دو ٹن کوکین پکڑ لی۔')).toBe('ur');
  });

  it('keeps to the candidates and takes the prior when the text is too short or close', () => {
    expect(identifyLanguage('Les douaniers ont saisi de la cocaïne dans le port.', { candidates: ['en', 'es'] }).language).not.toBe('fr');
    expect(lang('OK', 'fr')).toBe('fr');
    expect(lang('!!')).toBe('und');
    expect(lang('Port de Santos', 'pt')).toBe('pt');
  });
});
