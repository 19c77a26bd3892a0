import sharp from 'sharp'
import type { ImageSlot } from '../../../../../shared/domain/images'

/**
 * Synthetic, fictional identity documents drawn as SVG and encoded as JPEG: a resident ID card's
 * portrait side and emblem side, a passport data page, and a photo of the holder with the
 * document. Text and hard edges give a realistic sharpness score; off-white paper keeps the glare
 * check quiet; each slot has its own layout so no two read as the same picture. Used by the import
 * tests and by resources/example-import/generate.ts.
 */
export interface CardPerson {
  readonly surname: string
  readonly givenName: string
  readonly gender: 'male' | 'female'
  readonly birthday: string
  readonly documentType: 'id_card' | 'passport'
  readonly documentNumber: string
  readonly country: string
  readonly issueDate: string
  /** `null`: long-term (长期). */
  readonly expiryDate: string | null
  readonly address?: string
}

const font = `font-family="WenQuanYi Micro Hei, Noto Sans CJK SC, DejaVu Sans, sans-serif"`
const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)
const dotted = (date: string) => date.replaceAll('-', '.')

function text(x: number, y: number, size: number, content: string, extra = ''): string {
  const fill = extra.includes('fill=') ? '' : 'fill="#222"'
  const family = extra.includes('font-family=') ? '' : font
  return `<text x="${x}" y="${y}" font-size="${size}" ${fill} ${family} ${extra}>${escape(content)}</text>`
}

function silhouette(x: number, y: number, scale: number, fill: string): string {
  return `<g transform="translate(${x} ${y}) scale(${scale})">
    <circle cx="100" cy="80" r="56" fill="${fill}"/>
    <path d="M10 250 C 20 160, 180 160, 190 250 Z" fill="${fill}"/></g>`
}

function idFront(p: CardPerson): string {
  const [y, m, d] = p.birthday.split('-')
  return `<rect x="40" y="40" width="920" height="560" rx="36" fill="#e9eef0" stroke="#7aa3b8" stroke-width="4"/>
    <path d="M40 420 Q 500 330 960 470" stroke="#c9dbe4" stroke-width="30" fill="none"/>
    ${text(90, 130, 30, '姓名', 'fill="#4a6b7c"')}${text(200, 130, 40, p.surname + p.givenName)}
    ${text(90, 200, 30, '性别', 'fill="#4a6b7c"')}${text(200, 200, 36, p.gender === 'male' ? '男' : '女')}
    ${text(320, 200, 30, '民族', 'fill="#4a6b7c"')}${text(430, 200, 36, '汉')}
    ${text(90, 270, 30, '出生', 'fill="#4a6b7c"')}${text(200, 270, 36, `${y} 年 ${Number(m)} 月 ${Number(d)} 日`)}
    ${text(90, 340, 30, '住址', 'fill="#4a6b7c"')}${text(200, 340, 32, p.address ?? '北京市朝阳区建国路 88 号')}
    ${text(90, 540, 30, '公民身份号码', 'fill="#4a6b7c"')}${text(330, 542, 44, p.documentNumber, 'letter-spacing="4"')}
    <rect x="690" y="90" width="230" height="290" fill="#d3dde2"/>${silhouette(705, 120, 1.0, '#56666f')}`
}

function idBack(p: CardPerson): string {
  const validity = `${dotted(p.issueDate)}-${p.expiryDate === null ? '长期' : dotted(p.expiryDate)}`
  return `<rect x="40" y="40" width="920" height="560" rx="36" fill="#f1ece0" stroke="#b8a27a" stroke-width="4"/>
    <circle cx="190" cy="200" r="100" fill="#b91c1c"/><circle cx="190" cy="200" r="62" fill="#f5c542"/>
    <polygon points="190,150 204,190 246,190 212,214 225,254 190,230 155,254 168,214 134,190 176,190" fill="#b91c1c"/>
    ${text(340, 170, 52, '中华人民共和国', 'font-weight="bold"')}
    ${text(380, 260, 64, '居民身份证', 'font-weight="bold" letter-spacing="8"')}
    ${text(150, 450, 30, '签发机关', 'fill="#6b5a3c"')}${text(300, 450, 34, '北京市公安局朝阳分局')}
    ${text(150, 530, 30, '有效期限', 'fill="#6b5a3c"')}${text(300, 530, 34, validity)}`
}

function passportPage(p: CardPerson): string {
  const name = `${p.surname}<<${p.givenName.replaceAll(' ', '<')}`.padEnd(39, '<').slice(0, 39)
  return `<rect x="40" y="40" width="920" height="560" rx="18" fill="#ece7f1" stroke="#8a7aa8" stroke-width="4"/>
    ${text(90, 110, 34, 'PASSPORT', 'font-weight="bold"')}${text(360, 110, 28, `Type P   Code ${p.country}`)}
    <rect x="90" y="140" width="210" height="260" fill="#d6d0de"/>${silhouette(95, 160, 1.0, '#5d5470')}
    ${text(340, 170, 22, 'Surname')}${text(340, 205, 34, p.surname)}
    ${text(340, 250, 22, 'Given names')}${text(340, 285, 34, p.givenName)}
    ${text(340, 330, 22, 'Date of birth / Sex')}${text(340, 362, 30, `${p.birthday}   ${p.gender === 'male' ? 'M' : 'F'}`)}
    ${text(640, 330, 22, 'Passport No.')}${text(640, 362, 30, p.documentNumber)}
    ${text(340, 410, 22, 'Date of issue / expiry')}${text(340, 442, 30, `${p.issueDate}   ${p.expiryDate ?? ''}`)}
    <rect x="60" y="480" width="880" height="100" fill="#f4f1f7"/>
    ${text(75, 522, 30, `P<${p.country}${name}`.slice(0, 44), 'font-family="DejaVu Sans Mono"')}
    ${text(75, 565, 30, `${p.documentNumber.padEnd(9, '<')}0${p.country}${p.birthday.slice(2).replaceAll('-', '')}0`, 'font-family="DejaVu Sans Mono"')}`
}

function handPhoto(p: CardPerson): string {
  const label = p.documentType === 'passport' ? p.surname : p.surname + p.givenName
  return `<rect width="1000" height="640" fill="#9fb3a8"/><rect y="420" width="1000" height="220" fill="#7d8f86"/>
    ${silhouette(330, 40, 1.7, '#3f4a45')}
    <g transform="rotate(-6 500 470)"><rect x="330" y="370" width="360" height="226" rx="14" fill="#e9eef0" stroke="#44545c" stroke-width="4"/>
    ${text(350, 420, 24, label)}${text(350, 470, 20, p.documentNumber)}
    <rect x="580" y="390" width="90" height="110" fill="#b5c3ca"/><rect x="350" y="520" width="300" height="8" fill="#44545c"/></g>
    <ellipse cx="320" cy="560" rx="60" ry="40" fill="#c89f84"/><ellipse cx="700" cy="530" rx="60" ry="40" fill="#c89f84"/>`
}

export function cardSvg(person: CardPerson, slot: ImageSlot): string {
  const body =
    slot === 'hand' ? handPhoto(person) : person.documentType === 'passport' ? (slot === 'front' ? passportPage(person) : idBackOfPassport(person)) : slot === 'front' ? idFront(person) : idBack(person)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="640" viewBox="0 0 1000 640"><rect width="1000" height="640" fill="#cfc8bb"/>${body}</svg>`
}

/** A passport has no back: the platform's "back" slot gets the observations page opposite the data page. */
function idBackOfPassport(p: CardPerson): string {
  return `<rect x="40" y="40" width="920" height="560" rx="18" fill="#efeae2" stroke="#8a7aa8" stroke-width="4"/>
    ${text(90, 120, 34, 'OBSERVATIONS / 备注', 'font-weight="bold"')}
    ${Array.from({ length: 7 }, (_, i) => `<rect x="90" y="${170 + i * 55}" width="820" height="3" fill="#b3a9c4"/>`).join('')}
    ${text(110, 212, 28, `Holder: ${p.surname} ${p.givenName}`)}${text(110, 322, 28, 'No endorsements')}
    <circle cx="780" cy="420" r="90" fill="none" stroke="#6d5a96" stroke-width="6"/>${text(720, 430, 26, 'VISA', 'fill="#6d5a96"')}`
}

export function renderCard(person: CardPerson, slot: ImageSlot, quality = 80): Promise<Buffer> {
  return sharp(Buffer.from(cardSvg(person, slot))).jpeg({ quality, mozjpeg: true }).toBuffer()
}
