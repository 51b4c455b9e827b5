# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'join_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_JoinDialog(object):
    def setupUi(self, JoinDialog):
        if not JoinDialog.objectName():
            JoinDialog.setObjectName(u"JoinDialog")
        JoinDialog.resize(580, 340)
        self.mainLayout = QVBoxLayout(JoinDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(JoinDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fileLabel = QLabel(JoinDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileEdit = QLineEdit(JoinDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileRow.addWidget(self.fileEdit)

        self.browseButton = QPushButton(JoinDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileRow.addWidget(self.browseButton)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.titleLabel = QLabel(JoinDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.PlainText)
        self.titleLabel.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleLabel)

        self.passphraseLabel = QLabel(JoinDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphraseEdit = QLineEdit(JoinDialog)
        self.passphraseEdit.setObjectName(u"passphraseEdit")
        self.passphraseEdit.setEchoMode(QLineEdit.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passphraseEdit)

        self.nameLabel = QLabel(JoinDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(JoinDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.inspectorateLabel = QLabel(JoinDialog)
        self.inspectorateLabel.setObjectName(u"inspectorateLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.inspectorateLabel)

        self.inspectorateCombo = QComboBox(JoinDialog)
        self.inspectorateCombo.setObjectName(u"inspectorateCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.inspectorateCombo)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(JoinDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.PlainText)
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.busyBar = QProgressBar(JoinDialog)
        self.busyBar.setObjectName(u"busyBar")
        self.busyBar.setMaximum(0)
        self.busyBar.setTextVisible(False)

        self.mainLayout.addWidget(self.busyBar)

        self.verticalSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(JoinDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
        self.passphraseLabel.setBuddy(self.passphraseEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.inspectorateLabel.setBuddy(self.inspectorateCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fileEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.passphraseEdit)
        QWidget.setTabOrder(self.passphraseEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.inspectorateCombo)

        self.retranslateUi(JoinDialog)

        QMetaObject.connectSlotsByName(JoinDialog)
    # setupUi

    def retranslateUi(self, JoinDialog):
        JoinDialog.setWindowTitle(QCoreApplication.translate("JoinDialog", u"Join an inspection", None))
        self.introLabel.setText(QCoreApplication.translate("JoinDialog", u"Your lead inspector gave you an invitation file and, separately, its passphrase. Joining copies the inspection to this computer; after that, you sync with the team.", None))
        self.fileLabel.setText(QCoreApplication.translate("JoinDialog", u"Invitation &file:", None))
        self.browseButton.setText(QCoreApplication.translate("JoinDialog", u"&Browse\u2026", None))
        self.passphraseLabel.setText(QCoreApplication.translate("JoinDialog", u"Invitation &passphrase:", None))
        self.nameLabel.setText(QCoreApplication.translate("JoinDialog", u"Your &name:", None))
        self.inspectorateLabel.setText(QCoreApplication.translate("JoinDialog", u"Your i&nspectorate:", None))
    # retranslateUi

