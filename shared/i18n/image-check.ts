import { defineMessages } from './define-messages'

/**
 * The image quality gate in an operator's words: a plain verdict and what to do, by where the
 * image came from (retake a camera photo, rescan a scan; a chosen file may be either), with the
 * measurement secondary. Keys: `imageCheck.<code>.<source>`, `imageCheck.measured.<code>`,
 * `imageCheck.duplicate.<otherSlot>`; `imageFile.<code>` for a file that is not a usable image.
 */
export default defineMessages(
  {
    imageCheck: {
      blurred: { camera: '照片模糊：请对准焦点后重拍', scanner: '扫描件模糊：请重新扫描', file: '照片模糊：请重拍或重新扫描' },
      'too-small': {
        camera: '照片太小：请靠近证件后重拍',
        scanner: '扫描分辨率太低：请调高分辨率（如 300 dpi）后重新扫描',
        file: '图片太小：请重拍或用更高分辨率重新扫描',
      },
      'too-dark': { camera: '照片太暗：请补光后重拍', scanner: '扫描件太暗：请调亮后重新扫描', file: '图片太暗：请补光后重拍或重新扫描' },
      overexposed: { camera: '照片过亮：请减弱光线后重拍', scanner: '扫描件过亮：请调暗后重新扫描', file: '图片过亮：请减弱光线后重拍或重新扫描' },
      glare: {
        camera: '照片有反光：请倾斜证件或移开光源后重拍',
        scanner: '扫描件有反光：请摆正证件后重新扫描',
        file: '图片有反光：请避开反光后重拍或重新扫描',
      },
      duplicate: {
        front: '与证件正面是同一张图片：请为每一栏放入正确的图片',
        back: '与证件背面是同一张图片：请为每一栏放入正确的图片',
        hand: '与手持证件照是同一张图片：请为每一栏放入正确的图片',
      },
      measured: {
        blurred: '清晰度 {measured}，至少需要 {threshold}（越高越清晰）',
        'too-small': '{width}×{height} 像素，至少需要 {minWidth}×{minHeight}',
        'too-dark': '亮度 {measured}，至少需要 {threshold}（0–255）',
        overexposed: '亮度 {measured}，最高 {threshold}（0–255）',
        glare: '反光占画面 {measured}%，最多 {threshold}%',
        'near-duplicate': '画面差异 {measured}，需要大于 {threshold}',
      },
    },
    imageFile: {
      'empty-file': '文件是空的（0 字节）：请重新选择文件',
      'file-too-large': '文件太大（{mb} MB，上限 {maxMb} MB）：请降低扫描分辨率或导出较小的 JPEG',
      'heic-unsupported': '不支持 iPhone 的 HEIC 照片：请导出为 JPEG',
      'pdf-unsupported': '不接受 PDF 文件：请扫描为 JPEG、PNG 或 TIFF，或把页面导出为图片',
      'unsupported-format': '不接受 {format} 格式：请使用 JPEG、PNG、WebP 或 TIFF',
      'not-an-image': '这个文件不是图片：请选择 JPEG、PNG、WebP 或 TIFF 文件',
      'too-many-pixels': '图片尺寸太大（{width}×{height}）：请降低扫描分辨率',
      truncated: '文件不完整（复制或保存时被截断）：请重新复制或扫描',
      corrupt: '图片已损坏，无法读取：请重新扫描或拍摄',
    },
  },
  {
    imageCheck: {
      blurred: { camera: 'Photo blurred: focus and retake it', scanner: 'Scan blurred: scan it again', file: 'Image blurred: retake or rescan it' },
      'too-small': {
        camera: 'Photo too small: move closer to the document and retake it',
        scanner: 'Scan resolution too low: raise it (e.g. 300 dpi) and scan again',
        file: 'Image too small: retake it, or rescan at a higher resolution',
      },
      'too-dark': { camera: 'Photo too dark: add light and retake it', scanner: 'Scan too dark: make it brighter and scan again', file: 'Image too dark: add light and retake or rescan it' },
      overexposed: { camera: 'Photo too bright: reduce the light and retake it', scanner: 'Scan too bright: make it darker and scan again', file: 'Image too bright: reduce the light and retake or rescan it' },
      glare: {
        camera: 'Glare on the photo: tilt the document or move the light and retake it',
        scanner: 'Glare on the scan: straighten the document and scan again',
        file: 'Glare on the image: avoid the reflection and retake or rescan it',
      },
      duplicate: {
        front: 'Same picture as the document front: put the right image in each slot',
        back: 'Same picture as the document back: put the right image in each slot',
        hand: 'Same picture as the hand-held photo: put the right image in each slot',
      },
      measured: {
        blurred: 'Sharpness {measured}, needs at least {threshold} (higher is sharper)',
        'too-small': '{width}×{height} pixels, needs at least {minWidth}×{minHeight}',
        'too-dark': 'Brightness {measured}, needs at least {threshold} (0–255)',
        overexposed: 'Brightness {measured}, at most {threshold} (0–255)',
        glare: 'Glare over {measured}% of the image, at most {threshold}%',
        'near-duplicate': 'Difference {measured}, needs more than {threshold}',
      },
    },
    imageFile: {
      'empty-file': 'The file is empty (0 bytes): choose the file again',
      'file-too-large': 'The file is too large ({mb} MB, limit {maxMb} MB): scan at a lower resolution or export a smaller JPEG',
      'heic-unsupported': 'HEIC photos from iPhones are not supported: export as JPEG',
      'pdf-unsupported': 'PDF files are not accepted: scan to JPEG, PNG or TIFF, or export the page as an image',
      'unsupported-format': '{format} images are not accepted: use JPEG, PNG, WebP or TIFF',
      'not-an-image': 'This file is not an image: choose a JPEG, PNG, WebP or TIFF file',
      'too-many-pixels': 'The image is too large ({width}×{height}): scan at a lower resolution',
      truncated: 'The file is incomplete (cut off while copying or saving): copy or scan it again',
      corrupt: 'The image is damaged and cannot be read: scan or photograph it again',
    },
  },
)
