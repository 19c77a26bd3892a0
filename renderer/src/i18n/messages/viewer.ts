import { defineMessages } from '../define-messages'

// The image viewer (components/images/ImageViewerButton.vue).
export default defineMessages(
  {
    viewer: {
      open: '放大查看：{name}',
      zoomIn: '放大',
      zoomOut: '缩小',
      rotateLeft: '向左旋转',
      rotateRight: '向右旋转',
      actualSize: '原始大小 / 适合窗口',
      fullScreen: '全屏',
    },
  },
  {
    viewer: {
      open: 'View larger: {name}',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      rotateLeft: 'Rotate left',
      rotateRight: 'Rotate right',
      actualSize: 'Actual size / fit',
      fullScreen: 'Full screen',
    },
  },
)
